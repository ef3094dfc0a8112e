package dev.faultline.history;

import dev.faultline.diff.DiffReport;
import dev.faultline.diff.Differ;
import dev.faultline.diff.FileChange;
import dev.faultline.diff.GitTrees;
import dev.faultline.diff.PlaneEvidence;
import dev.faultline.diff.PlaneRules;
import dev.faultline.diff.ScopeChange;
import dev.faultline.diff.SourceChange;
import dev.faultline.ingest.ManifestReader;
import dev.faultline.lock.CapabilityLock;
import dev.faultline.model.ApprovalGate;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Manifest;
import dev.faultline.model.ToolPattern;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.pipeline.ScanResult;
import dev.faultline.report.CredentialView;
import dev.faultline.report.Finding;
import dev.faultline.report.Report;
import dev.faultline.report.ServerView;
import dev.faultline.report.Severity;
import dev.faultline.report.TaintSource;
import dev.faultline.report.ToolView;
import dev.faultline.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Walks the git history of the repository holding a folder (read-only: objects only, never the work
 * tree or the index), oldest first, and compiles the folder at every commit that may have changed
 * its authority: a commit whose changed files include a control-plane path or a file the pipeline
 * could read as tools, config or code ({@code .json}, {@code .yaml}, {@code .yml}, {@code .java}, the
 * manifest). Each such commit is compared with its first parent by the {@link Differ} (capability
 * diff, findings, planes), and compiled trees are cached by the git id of the folder's tree, so a tree
 * seen again (a revert, the parent of the next commit) is not compiled twice.
 */
public final class HistoryWalker {
    /** What a walk covers: every commit or first-parent only, and where to start. */
    public record Options(boolean allCommits, Optional<String> since) {
    }

    private static final Set<String> READ_EXTENSIONS = Set.of("json", "yaml", "yml", "java");
    private static final Set<String> FINDING_KINDS = Set.of("taint", "composition");
    private static final List<String> CATEGORIES = List.of("tool", "credential", "server", "gate", "agent", "finding");
    private static final List<String> ORIGIN_KINDS = List.of("tool-added", "credential-added", "server-added", "gate-added");
    private static final int SCAN_CACHE = 32;
    private static final int DIR_CACHE = 4;

    private final Pipeline pipeline;
    private final Differ differ;
    private final PlaneRules rules;
    private final long maxFileBytes;

    /** A walker that compiles with {@code pipeline}, failing inputs larger than {@code maxFileBytes}. */
    public HistoryWalker(Pipeline pipeline, long maxFileBytes) {
        this.pipeline = pipeline;
        this.differ = new Differ(pipeline, maxFileBytes, Severity.CRITICAL);
        this.rules = new PlaneRules(pipeline.catalog());
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * The history of {@code folder}; throws {@link IllegalArgumentException} when it is not in a git
     * repository, the repository has no commit, or {@code since} is neither a revision nor a date.
     */
    public History walk(Path folder, Options options) throws IOException {
        try (GitTrees git = GitTrees.open(folder)) {
            // the trees kept at once, at about the size of the newest (none yet: the walk says so)
            ObjectId head = git.repository().resolve("HEAD^{commit}");
            long bytes = head == null ? 0 : DIR_CACHE * git.size(List.of(new GitTrees.Revision("HEAD", head)), maxFileBytes);
            try (GitTrees.Workspace workspace = GitTrees.workspace(bytes, "faultline-history")) {
                return new Run(git, workspace.root(), options).walk();
            }
        }
    }

    /** The state of one walk: the repository, the caches and the results so far. */
    private final class Run {
        final GitTrees git;
        final Repository repo;
        final Path temp;
        final Options options;
        final Map<ObjectId, ScanResult> scans = lru(SCAN_CACHE, v -> { });
        /** The walk's pipeline: commits read the files and framework closures they have in common once. */
        final Pipeline sharing = pipeline.sharingReads();
        final Map<ObjectId, Path> dirs;
        final List<CompiledCommit> compiled = new ArrayList<>();
        final List<AuthorityEvent> events = new ArrayList<>();
        int treesCompiled;
        int dirCount;

        Run(GitTrees git, Path temp, Options options) {
            this.git = git;
            this.repo = git.repository();
            this.temp = temp;
            this.options = options;
            this.dirs = lru(DIR_CACHE, dir -> {
                try {
                    GitTrees.deleteTree(dir);
                } catch (IOException e) {
                    // gone with the workspace when the walk ends
                }
            });
        }

        History walk() throws IOException {
            ObjectId headId = repo.resolve("HEAD^{commit}");
            if (headId == null) {
                throw new IllegalArgumentException("the repository has no commit yet");
            }
            List<RevCommit> commits = new ArrayList<>();
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit head = walk.parseCommit(headId);
                walk.sort(RevSort.TOPO, true);
                walk.sort(RevSort.REVERSE, true);
                walk.markStart(head);
                Optional<Instant> after = options.since().isPresent() ? limit(walk, options.since().get()) : Optional.empty();
                List<RevCommit> reachable = new ArrayList<>();
                walk.forEach(reachable::add);
                Set<ObjectId> chain = firstParentChain(head, reachable);
                for (RevCommit c : reachable) {
                    boolean inRange = after.isEmpty() || !Instant.ofEpochSecond(c.getCommitTime()).isBefore(after.get());
                    if (inRange && (options.allCommits() || chain.contains(c))) {
                        commits.add(c);
                    }
                }
                Optional<RevCommit> baseline = Optional.empty();
                for (RevCommit c : commits) {
                    Optional<RevCommit> parent = parent(walk, c);
                    if (baseline.isEmpty() && c == commits.get(0)) {
                        baseline = parent;
                    }
                    step(c, parent);
                }
                CommitRef headRef = ref(head);
                ObjectId headTree = folderTree(head);
                ScanResult today = scan(headTree, Optional.of(head));
                Instant floor = baseline.map(HistoryWalker::date).orElse(commits.isEmpty() ? date(head) : date(commits.get(0)));
                List<InventoryRow> inventory = inventory(today, date(head), floor);
                return new History(git.prefix().isEmpty() ? "." : git.prefix(), headRef, options.allCommits(),
                        options.since().orElse(""), commits.size(), treesCompiled, compiled, events, inventory);
            }
        }

        /**
         * The first-parent chain from {@code head} within the walked commits (JGit's own first-parent
         * mode does not combine with the topological sort).
         */
        private Set<ObjectId> firstParentChain(RevCommit head, List<RevCommit> reachable) {
            Set<ObjectId> walked = new java.util.HashSet<>(reachable);
            Set<ObjectId> chain = new java.util.HashSet<>();
            RevCommit c = head;
            while (walked.contains(c) && chain.add(c)) {
                if (c.getParentCount() == 0) {
                    break;
                }
                c = c.getParent(0);
            }
            return chain;
        }

        /** Marks a revision uninteresting, or returns the date to filter by (by commit time, as git log --since does). */
        private Optional<Instant> limit(RevWalk walk, String since) throws IOException {
            ObjectId rev;
            try {
                rev = repo.resolve(since + "^{commit}");
            } catch (RevisionSyntaxException | IOException e) {
                rev = null;
            }
            if (rev != null) {
                walk.markUninteresting(walk.parseCommit(rev));
                return Optional.empty();
            }
            return Optional.of(parseDate(since));
        }

        private Optional<RevCommit> parent(RevWalk walk, RevCommit c) throws IOException {
            if (c.getParentCount() == 0) {
                return Optional.empty();
            }
            RevCommit p = c.getParent(0);
            walk.parseHeaders(p);
            return Optional.of(p);
        }

        private void step(RevCommit c, Optional<RevCommit> parent) throws IOException {
            ObjectId headTree = folderTree(c);
            ObjectId baseTree = parent.isPresent() ? folderTree(parent.get()) : ObjectId.zeroId();
            if (headTree.equals(baseTree)) {
                return;
            }
            List<String> changed = changedPaths(parent, c);
            if (changed.stream().noneMatch(HistoryWalker.this::mayChangeAuthority)) {
                return;
            }
            ScanResult base = scan(baseTree, parent);
            Path baseDir = dir(baseTree, parent);
            ScanResult head = scan(headTree, Optional.of(c));
            Path headDir = dir(headTree, Optional.of(c));
            CommitRef ref = ref(c);
            DiffReport diff = differ.diff(parent.map(p -> p.abbreviate(7).name()).orElse("(empty)"), baseDir, base,
                    ref.shortId(), headDir, head);
            List<String> control = diff.files().stream().filter(f -> f.plane().touchesControl()).map(FileChange::path).toList();
            List<String> data = diff.files().stream().filter(f -> f.plane().touchesData()).map(FileChange::path).toList();
            boolean fused = !control.isEmpty() && !data.isEmpty();
            boolean lock = changed.stream().anyMatch(p -> p.equals(CapabilityLock.FILE_NAME) || p.endsWith("/" + CapabilityLock.FILE_NAME));
            List<String[]> rows = new ArrayList<>();
            for (ScopeChange s : diff.scope()) {
                rows.add(new String[] {category(s.kind()), s.kind(), s.subject(), s.before(), s.after(), s.blastRadius()});
            }
            gates(base, head, rows);
            int authority = rows.size();
            findings(diff, rows);
            boolean withoutLock = authority > 0 && !lock;
            rows.sort(Comparator.<String[]>comparingInt(r -> CATEGORIES.indexOf(r[0])).thenComparing(r -> r[2]).thenComparing(r -> r[1]));
            for (String[] r : rows) {
                events.add(new AuthorityEvent(ref, r[0], r[1], r[2], r[3], r[4], r[5], fused, withoutLock));
            }
            compiled.add(new CompiledCommit(ref, control, data, fused, lock, authority));
        }

        private void gates(ScanResult base, ScanResult head, List<String[]> rows) {
            Map<String, ApprovalGate> before = gatesOf(base);
            Map<String, ApprovalGate> after = gatesOf(head);
            after.forEach((key, g) -> {
                if (!before.containsKey(key)) {
                    rows.add(new String[] {"gate", "gate-added", key, "", g.reason(), worstMatching(g, head.report())});
                }
            });
            before.forEach((key, g) -> {
                if (!after.containsKey(key)) {
                    rows.add(new String[] {"gate", "gate-removed", key, g.reason(), "", worstMatching(g, base.report())});
                }
            });
        }

        private void findings(DiffReport diff, List<String[]> rows) {
            addFindings(diff.findings().added(), "finding-opened", true, rows);
            addFindings(diff.findings().fixed(), "finding-closed", false, rows);
            List<Finding> taint = diff.findings().sources().stream().map(SourceChange::head).toList();
            addFindings(diff.findings().widened().stream().filter(f -> !taint.contains(f)).toList(), "finding-widened", false, rows);
            addFindings(diff.findings().narrowed().stream().filter(f -> !taint.contains(f)).toList(), "finding-narrowed", true, rows);
            for (SourceChange c : diff.findings().sources()) {
                rows.add(new String[] {"finding", c.widens() ? "finding-widened" : "finding-narrowed", c.head().ruleId() + " " + c.head().key(),
                        names(c.leftSources()), names(c.joinedSources()), c.head().severity().id()});
            }
        }

        private static String names(List<TaintSource> sources) {
            return String.join(", ", sources.stream().map(TaintSource::name).toList());
        }

        private void addFindings(List<Finding> found, String kind, boolean present, List<String[]> rows) {
            for (Finding f : found) {
                String ruleKind = pipeline.catalog().rule(f.ruleId()).map(Rule::kind).orElse("");
                if (FINDING_KINDS.contains(ruleKind)) {
                    String subject = f.ruleId() + " " + f.key();
                    rows.add(new String[] {"finding", kind, subject, present ? "" : "open", present ? "open" : "", f.severity().id()});
                }
            }
        }

        private ScanResult scan(ObjectId tree, Optional<RevCommit> commit) throws IOException {
            ScanResult cached = scans.get(tree);
            if (cached != null) {
                return cached;
            }
            ScanResult result = sharing.scan(List.of(dir(tree, commit)));
            treesCompiled++;
            scans.put(tree, result);
            return result;
        }

        private Path dir(ObjectId tree, Optional<RevCommit> commit) throws IOException {
            Path cached = dirs.get(tree);
            if (cached != null) {
                return cached;
            }
            Path dir = temp.resolve("t" + (dirCount++));
            Files.createDirectories(dir);
            if (commit.isPresent() && !tree.equals(ObjectId.zeroId())) {
                git.materialise(new GitTrees.Revision(commit.get().name(), commit.get()), dir, maxFileBytes);
            }
            dirs.put(tree, dir);
            return dir;
        }

        /** The id of the folder's tree at a commit, or the zero id when the folder does not exist there. */
        private ObjectId folderTree(RevCommit c) throws IOException {
            if (git.prefix().isEmpty()) {
                return c.getTree().getId();
            }
            try (TreeWalk tw = TreeWalk.forPath(repo, git.prefix(), c.getTree())) {
                return tw == null ? ObjectId.zeroId() : tw.getObjectId(0);
            }
        }

        private List<String> changedPaths(Optional<RevCommit> parent, RevCommit c) throws IOException {
            List<String> out = new ArrayList<>();
            try (TreeWalk tw = new TreeWalk(repo)) {
                if (parent.isPresent()) {
                    tw.addTree(parent.get().getTree());
                } else {
                    tw.addTree(new EmptyTreeIterator());
                }
                tw.addTree(c.getTree());
                tw.setRecursive(true);
                String prefix = git.prefix();
                tw.setFilter(prefix.isEmpty() ? TreeFilter.ANY_DIFF : AndTreeFilter.create(PathFilter.create(prefix), TreeFilter.ANY_DIFF));
                while (tw.next()) {
                    String path = tw.getPathString();
                    if (prefix.isEmpty()) {
                        out.add(path);
                    } else if (path.startsWith(prefix + "/")) {
                        out.add(path.substring(prefix.length() + 1));
                    }
                }
            }
            return out;
        }

        private List<InventoryRow> inventory(ScanResult today, Instant headDate, Instant floor) {
            Map<String, CommitRef> origins = new HashMap<>();
            for (AuthorityEvent e : events) {
                if (ORIGIN_KINDS.contains(e.kind())) {
                    origins.put(e.category() + "\u0000" + e.subject(), e.commit());
                }
            }
            Report r = today.report();
            Map<String, ToolView> tools = new TreeMap<>();
            r.tools().forEach(t -> tools.putIfAbsent(t.id(), t));
            List<InventoryRow> rows = new ArrayList<>();
            for (ToolView t : tools.values()) {
                List<String> detail = new ArrayList<>();
                if (t.untrustedOutput()) {
                    detail.add("untrusted output");
                }
                if (t.privateData()) {
                    detail.add("private data");
                }
                detail.add(t.approvalRequired() ? "human approval" : "no approval");
                if (!t.credentials().isEmpty()) {
                    detail.add("credentials " + String.join(", ", t.credentials()));
                }
                rows.add(row("tool", t.id(), t.blastRadius(), String.join("; ", detail), origins, headDate, floor));
            }
            for (CredentialView c : r.credentials()) {
                String detail = c.kind() + (c.scopes().isEmpty() ? "" : " scopes " + String.join(" ", c.scopes()))
                        + "; used by " + String.join(", ", c.tools());
                rows.add(row("credential", c.name(), worst(c.tools(), tools), detail, origins, headDate, floor));
            }
            for (ServerView s : r.servers()) {
                rows.add(row("server", s.name(), worst(s.tools(), tools), s.transport() + " " + s.launch(), origins, headDate, floor));
            }
            for (Map.Entry<String, ApprovalGate> g : gatesOf(today).entrySet()) {
                rows.add(row("gate", g.getKey(), worstMatching(g.getValue(), r), g.getValue().reason(), origins, headDate, floor));
            }
            rows.sort(Comparator.comparingInt((InventoryRow x) -> -rank(x.blastRadius()))
                    .thenComparingInt(x -> CATEGORIES.indexOf(x.category())).thenComparing(InventoryRow::subject));
            return rows;
        }

        private InventoryRow row(String category, String subject, String blastRadius, String detail, Map<String, CommitRef> origins,
                                 Instant headDate, Instant floor) {
            Optional<CommitRef> origin = Optional.ofNullable(origins.get(category + "\u0000" + subject));
            Instant since = origin.map(o -> Instant.parse(o.date())).orElse(floor);
            long age = Math.max(0, Duration.between(since, headDate).toDays());
            return new InventoryRow(category, subject, blastRadius, detail, origin, age, origin.isEmpty());
        }
    }

    /** True when a changed file (relative to the scanned folder) may change what the agent can do. */
    boolean mayChangeAuthority(String path) {
        Optional<PlaneEvidence> byPath = rules.forFile(path, Set.of(), List.of());
        if (byPath.isPresent()) {
            return byPath.get().plane().touchesControl();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return ManifestReader.FILE_NAMES.contains(name) || dot > 0 && READ_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The approval gates of a scan by tool pattern (prefixed with the manifest's folder when not the root). */
    private static Map<String, ApprovalGate> gatesOf(ScanResult scan) {
        Map<String, ApprovalGate> gates = new TreeMap<>();
        for (Manifest m : scan.model().manifests()) {
            for (ApprovalGate g : m.approvals()) {
                gates.putIfAbsent(m.scope().isEmpty() ? g.toolPattern() : m.scope() + ": " + g.toolPattern(), g);
            }
        }
        return gates;
    }

    private static String worstMatching(ApprovalGate gate, Report report) {
        Map<String, ToolView> tools = new TreeMap<>();
        report.tools().forEach(t -> tools.putIfAbsent(t.id(), t));
        List<String> matched = tools.keySet().stream().filter(id -> ToolPattern.of(gate.toolPattern()).regex().matcher(id).matches()).toList();
        return worst(matched, tools);
    }

    private static String worst(List<String> toolIds, Map<String, ToolView> tools) {
        return toolIds.stream().map(tools::get).filter(java.util.Objects::nonNull).map(ToolView::blastRadius)
                .max(Comparator.comparingInt(HistoryWalker::rank)).orElse("");
    }

    /** The rank of a blast radius (privileged highest), or -1 for none. */
    static int rank(String blastRadius) {
        return BlastRadius.parse(blastRadius).map(Enum::ordinal).orElse(-1);
    }

    private static String category(String kind) {
        if (kind.startsWith("credential-") || kind.startsWith("scope-")) {
            return "credential";
        }
        if (kind.startsWith("server-")) {
            return "server";
        }
        if (kind.startsWith("agent-")) {
            return "agent";
        }
        return "tool";
    }

    static CommitRef ref(RevCommit c) {
        String subject = c.getShortMessage();
        return new CommitRef(c.name(), c.abbreviate(7).name(), c.getAuthorIdent().getName(),
                date(c).truncatedTo(ChronoUnit.SECONDS).toString(), subject);
    }

    private static Instant date(RevCommit c) {
        return c.getAuthorIdent().getWhenAsInstant();
    }

    /** An ISO date ({@code 2025-01-31}, midnight UTC) or instant ({@code 2025-01-31T12:00:00Z}). */
    static Instant parseDate(String text) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + text + "' is neither a revision nor a date (2025-01-31 or 2025-01-31T12:00:00Z)");
        }
    }

    private static <V> Map<ObjectId, V> lru(int size, java.util.function.Consumer<V> onEvict) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ObjectId, V> eldest) {
                boolean evict = size() > size;
                if (evict) {
                    onEvict.accept(eldest.getValue());
                }
                return evict;
            }
        };
    }
}
