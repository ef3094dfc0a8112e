package dev.faultline.diff;

import dev.faultline.analysis.AnalysisContext;
import dev.faultline.analysis.TaintAnalysis;
import dev.faultline.analysis.TaintReach;
import dev.faultline.model.Owners;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.pipeline.ScanResult;
import dev.faultline.report.Finding;
import dev.faultline.report.InputFile;
import dev.faultline.report.InputStatus;
import dev.faultline.report.Severity;
import dev.faultline.rules.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles two trees with the same pipeline and compares them: planes of the changed files,
 * capability-scope diff, findings by key, and the verdict. The trees must have the same layout (two
 * checkouts of one repository), since every comparison is by relative path, tool id or finding key.
 */
public final class Differ {
    private static final Set<String> PATH_KINDS = Set.of("taint", "composition");

    private final Pipeline pipeline;
    private final PlaneClassifier planes;
    private final Severity blockOn;

    /**
     * {@code blockOn}: a new taint path or composition at or above it blocks, and so does a taint path
     * that a new untrusted source reaches (a new critical finding, or a critical path widened, always does).
     */
    public Differ(Pipeline pipeline, long maxFileBytes, Severity blockOn) {
        this.pipeline = pipeline;
        this.planes = new PlaneClassifier(new PlaneRules(pipeline.catalog()), maxFileBytes);
        this.blockOn = blockOn;
    }

    /**
     * Compares the tree at {@code baseRoot} (named {@code baseName}) with the one at {@code headRoot}.
     * The two trees are compiled at the same time, base on a second thread, through one facts cache
     * (in memory when the pipeline has none), so a file the two trees hold alike is read once and a
     * framework file whose reference closure is alike in both is followed once.
     */
    public DiffReport diff(String baseName, Path baseRoot, String headName, Path headRoot) {
        Pipeline sharing = pipeline.sharingReads();
        java.util.concurrent.CompletableFuture<ScanResult> base = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> sharing.scan(List.of(baseRoot)), runnable -> {
                    Thread t = new Thread(runnable, "faultline-base");
                    t.setDaemon(true);
                    t.start();
                });
        ScanResult head = sharing.scan(List.of(headRoot));
        try {
            return diff(baseName, baseRoot, base.join(), headName, headRoot, head);
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Compares two trees already compiled with this differ's pipeline ({@code base} is the scan of
     * {@code baseRoot}, {@code head} that of {@code headRoot}), so a caller that caches scans does
     * not compile a tree twice.
     */
    public DiffReport diff(String baseName, Path baseRoot, ScanResult base, String headName, Path headRoot, ScanResult head) {
        PlaneClassifier.Side baseSide = new PlaneClassifier.Side(baseRoot, SideFacts.of(base), base.model().manifests());
        PlaneClassifier.Side headSide = new PlaneClassifier.Side(headRoot, SideFacts.of(head), head.model().manifests());
        List<FileChange> files = new ArrayList<>();
        List<String> excluded = new ArrayList<>(excluded(base));
        excluded.addAll(excluded(head));
        for (Map.Entry<String, Change> e : TreeFiles.changes(baseRoot, headRoot).entrySet()) {
            if (excluded.stream().noneMatch(x -> x.equals(e.getKey()) || x.endsWith("/") && e.getKey().startsWith(x))) {
                files.add(planes.classify(e.getKey(), e.getValue(), baseSide, headSide));
            }
        }
        List<ScopeChange> scope = CapabilityDiff.between(base, head);
        FindingDelta findings = FindingDelta.between(base.report().activeFindings(), head.report().activeFindings(), pipeline.catalog(),
                reach(base), reach(head));
        List<String> failed = new ArrayList<>();
        failed(base.report().inputs(), "base", failed);
        failed(head.report().inputs(), "head", failed);
        return decide(baseName, headName, files, scope, findings, failed, base, head);
    }

    private TaintReach reach(ScanResult scan) {
        return TaintAnalysis.reach(new AnalysisContext(scan.model(), scan.tools(), scan.graph(), pipeline.catalog()));
    }

    /** Paths the project excluded from scanning ({@code scan.exclude}); folders end with {@code /}. */
    private static List<String> excluded(ScanResult scan) {
        return scan.report().inputs().stream()
                .filter(i -> i.status() == dev.faultline.report.InputStatus.SKIPPED && i.reason().startsWith("excluded by scan.exclude"))
                .map(dev.faultline.report.InputFile::path).toList();
    }

    /**
     * The plane of every file of one tree, as if each were added (for CODEOWNERS), with the owners of
     * its root manifest.
     */
    public TreePlanes planesOf(Path root) {
        ScanResult scan = pipeline.scan(List.of(root));
        PlaneClassifier.Side none = new PlaneClassifier.Side(root, SideFacts.empty(), List.of());
        PlaneClassifier.Side side = new PlaneClassifier.Side(root, SideFacts.of(scan), scan.model().manifests());
        List<FileChange> files = new ArrayList<>();
        for (String path : TreeFiles.list(root).keySet()) {
            files.add(planes.classify(path, Change.ADDED, none, side));
        }
        return new TreePlanes(files, scan.model().owners(), scan.report());
    }

    private static void failed(List<InputFile> inputs, String side, List<String> out) {
        inputs.stream().filter(i -> i.status() == InputStatus.FAILED)
                .forEach(i -> out.add(side + ": " + (i.location().hasRegion() ? i.location().display() : i.path()) + ": " + i.reason()));
    }

    private DiffReport decide(String baseName, String headName, List<FileChange> files, List<ScopeChange> scope,
                              FindingDelta findings, List<String> failed, ScanResult base, ScanResult head) {
        List<FileChange> data = files.stream().filter(f -> f.plane().touchesData()).toList();
        List<FileChange> control = files.stream().filter(f -> f.plane().touchesControl()).toList();
        List<Finding> blocking = findings.added().stream().filter(this::blocks).toList();
        List<SourceChange> widened = findings.widenedSources();
        List<SourceChange> blockingWidened = widened.stream().filter(c -> blocks(c.head())).toList();
        List<String> reasons = new ArrayList<>();
        if (!data.isEmpty()) {
            reasons.add("data plane changed: " + count(data.size(), "file") + " (" + paths(data) + ")");
        }
        if (!control.isEmpty()) {
            reasons.add("control plane changed: " + count(control.size(), "file") + " (" + paths(control) + ")");
        }
        if (!scope.isEmpty()) {
            long widening = scope.stream().filter(ScopeChange::widens).count();
            reasons.add("authority changed: " + count(scope.size(), "capability change") + ", " + widening + " widening");
        }
        if (!findings.added().isEmpty()) {
            reasons.add(count(findings.added().size(), "new finding") + ": " + findings.added().stream()
                    .map(f -> f.ruleId() + " " + f.key() + " (" + f.severity().id() + ")").collect(Collectors.joining("; ")));
        }
        if (!widened.isEmpty()) {
            reasons.add(count(widened.size(), "widened taint path") + ": " + widened.stream()
                    .map(c -> c.head().ruleId() + " " + c.head().key() + " (" + c.head().severity().id() + "; new: "
                            + SourceChange.names(c.joinedSources()) + ")").collect(Collectors.joining("; ")));
        }
        for (Finding f : blocking) {
            reasons.add("blocks: new " + f.severity().id() + " " + f.ruleId() + " " + f.key());
        }
        for (SourceChange c : blockingWidened) {
            reasons.add("blocks: widened " + c.head().severity().id() + " " + c.head().ruleId() + " " + c.head().key());
        }
        boolean controlChanged = !control.isEmpty() || !scope.isEmpty() || !findings.added().isEmpty() || !widened.isEmpty();
        boolean blocked = !blocking.isEmpty() || !blockingWidened.isEmpty();
        Verdict verdict = blocked ? Verdict.BLOCK : controlChanged ? Verdict.SECURITY_SIGNOFF
                : !data.isEmpty() ? Verdict.EVAL_REVIEW : Verdict.PASS;
        if (verdict == Verdict.PASS) {
            reasons.add(files.isEmpty() ? "no file changed" : "no change on either plane: " + count(files.size(), "file")
                    + " changed without touching prompts or authority");
        }
        Owners owners = head.model().owners();
        List<Gate> gates = new ArrayList<>();
        if (!data.isEmpty()) {
            gates.add(new Gate("eval gate", "data", owners.dataPlane(),
                    "behaviour changed: review the eval deltas of the changed prompts; a revert rolls it back"));
        }
        if (controlChanged) {
            gates.add(new Gate("security sign-off", "control", owners.controlPlane(),
                    "authority changed: review the capability-scope diff; side effects of a tool cannot be rolled back"));
        }
        if (blocked) {
            List<String> what = new ArrayList<>();
            blocking.forEach(f -> what.add(f.ruleId() + " " + f.key()));
            blockingWidened.forEach(c -> what.add(c.head().ruleId() + " " + c.head().key() + " (widened: "
                    + SourceChange.names(c.joinedSources()) + ")"));
            gates.add(new Gate("blocked", "control", owners.controlPlane(), "fix it or guard the sink with an approval gate: "
                    + String.join("; ", what)));
        }
        return new DiffReport(baseName, headName, verdict, reasons, gates, findings.headlines(), files, scope, findings, failed,
                base.report(), head.report());
    }

    private boolean blocks(Finding f) {
        if (f.severity() == Severity.CRITICAL) {
            return true;
        }
        String kind = pipeline.catalog().rule(f.ruleId()).map(Rule::kind).orElse("");
        return PATH_KINDS.contains(kind) && f.severity().atLeast(blockOn);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String paths(List<FileChange> files) {
        List<String> names = files.stream().map(FileChange::path).limit(3).toList();
        return String.join(", ", names) + (files.size() > 3 ? ", and " + (files.size() - 3) + " more" : "");
    }
}
