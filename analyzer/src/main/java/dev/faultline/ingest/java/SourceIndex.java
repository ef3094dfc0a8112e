package dev.faultline.ingest.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Providers;
import com.github.javaparser.UnicodeEscapeProcessingProvider;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.faultline.doc.DocException;
import dev.faultline.doc.ParseBudget;
import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.ingest.SourceText;
import dev.faultline.report.Location;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every Java file of the scan, indexed by a cheap text pass (package, declared type names, their
 * supertypes) so that a class a tool reaches can be found and parsed on demand. Files are parsed at
 * most once; a file that fails to parse is reported once and stays failed.
 */
final class SourceIndex {

    /** One file: its package, the types it declares, and whether it names a framework. */
    record Entry(SourceFile file, String pkg, List<String> types, boolean marked) {
        /**
         * The folder its package path starts from, relative to the scan root and ending in {@code /}
         * ({@code ""} at the root); empty when the file does not lie under its package path.
         */
        Optional<String> sourceRoot() {
            String suffix = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + file.fileName();
            String path = file.path();
            return path.equals(suffix) || path.endsWith("/" + suffix)
                    ? Optional.of(path.substring(0, path.length() - suffix.length())) : Optional.empty();
        }

        /**
         * The {@code resources} folder beside its source root when that root is a {@code java}
         * folder ({@code src/main/java/} gives {@code src/main/resources}), where configuration files
         * and prompt resources lie.
         */
        Optional<ResourcesFolder> resourcesFolder() {
            return sourceRoot().filter(root -> root.endsWith("java/")).map(root -> {
                Path javaFolder = file.absolute();
                for (int up = pkg.isEmpty() ? 1 : pkg.split("\\.").length + 1; up > 0; up--) {
                    javaFolder = javaFolder.getParent();
                }
                return new ResourcesFolder(root.substring(0, root.length() - "java/".length()) + "resources",
                        javaFolder.resolveSibling("resources"));
            });
        }
    }

    /** A resources folder: its path relative to the scan root (no trailing {@code /}) and on disk. */
    record ResourcesFolder(String path, Path absolute) {
    }

    private final Map<String, Entry> byPath;
    private final Map<String, List<Entry>> byFqn;
    private final Map<String, List<String>> subtypes;
    private final Map<String, List<Entry>> constructors;
    private final Set<String> parsed = new HashSet<>();
    private final java.util.concurrent.atomic.AtomicInteger parsedByAll;
    /** Files the text pass could not read (reported then), never parsed. */
    private final Set<String> unreadable;
    private final Map<String, Attempt> attempts = new java.util.HashMap<>();
    private final ParserConfiguration config;
    private final ReadLimits limits;
    private final ModelBuilder model;
    private ModelBuilder sink;
    private final Optional<ContentFacts> content;
    /** Where outlines of texts read before (by this or another scan of the command) are kept, when content is tracked. */
    private final Optional<FactsCache> known;

    /**
     * What the reference closure of a file needs from the text pass, kept only when a scan caches
     * facts: each file's content hash and the identifiers it mentions.
     */
    private record ContentFacts(Map<String, String> hashes, Map<String, String[]> mentions) {
    }

    /**
     * How the files a tool only calls into are parsed: their method bodies on demand (the default),
     * or whole, as a reference for what on-demand reading must give.
     */
    enum BodyReading { ON_DEMAND, WHOLE }

    private final BodyReading bodyReading;

    /**
     * What the text pass reads of one text, the same for every file that holds it: its outline and
     * the identifiers it mentions (never changed once kept).
     */
    record TextFacts(JavaOutline outline, String[] mentions) {
    }

    /**
     * An index whose parses use {@code config} (read at each parse, so a symbol resolver set later
     * applies), and that reads the bodies of the files that do not name a framework as
     * {@code bodyReading} says. With a {@code cache}, it also keeps each file's content hash and
     * mentioned identifiers (for reference closures), and reuses the outlines of texts the cache
     * has seen.
     */
    SourceIndex(ParserConfiguration config, ReadLimits limits, ModelBuilder model, Optional<FactsCache> cache, BodyReading bodyReading) {
        this.bodyReading = bodyReading;
        this.config = config;
        this.limits = limits;
        this.model = model;
        this.sink = model;
        this.content = cache.map(c -> new ContentFacts(new HashMap<>(), new HashMap<>()));
        this.known = cache;
        this.byPath = new TreeMap<>();
        this.byFqn = new TreeMap<>();
        this.subtypes = new TreeMap<>();
        this.constructors = new TreeMap<>();
        this.unreadable = new HashSet<>();
        this.parsedByAll = new java.util.concurrent.atomic.AtomicInteger();
        this.bodies = new LeftOutBodies(config, limits);
    }

    private SourceIndex(SourceIndex text, ParserConfiguration config) {
        this.bodyReading = text.bodyReading;
        this.config = config;
        this.limits = text.limits;
        this.model = text.model;
        this.sink = text.model;
        this.content = text.content;
        this.known = text.known;
        this.byPath = text.byPath;
        this.byFqn = text.byFqn;
        this.subtypes = text.subtypes;
        this.constructors = text.constructors;
        this.unreadable = text.unreadable;
        this.parsedByAll = text.parsedByAll;
        this.closureDigests = text.closureDigests;
        this.bodies = new LeftOutBodies(config, limits);
    }

    /**
     * An index over the files this one read, with parses of its own made with {@code config}: for
     * reading framework files on another thread. The two share what the text pass found (which
     * neither changes any more), so files are parsed once per index that needs them.
     */
    SourceIndex forkParses(ParserConfiguration config) {
        return new SourceIndex(this, config);
    }

    /** The configuration this index parses with. */
    ParserConfiguration configuration() {
        return config;
    }

    /**
     * Where parses record what became of the files they read (scanned or failed) from now on: the
     * builder of the part of the scan being read. Every access records, not only the first, so that
     * what a part records does not depend on which parts were read before it.
     */
    void recordInto(ModelBuilder unit) {
        this.sink = unit;
    }

    /**
     * What the text pass reads of one file, before it joins the index: read for many files at once.
     * Either {@code failure} is present, or {@code outline} is (and {@code hash} and {@code mentions}
     * are filled when the index keeps content facts).
     */
    private record TextRead(SourceFile file, Optional<DocException> failure, Optional<JavaOutline> outline, String hash,
                            String[] mentions, Optional<java.util.concurrent.CompletableFuture<TextFacts>> pending) {
        static TextRead failed(SourceFile file, DocException why) {
            return new TextRead(file, Optional.of(why), Optional.empty(), "", new String[0], Optional.empty());
        }

        static TextRead of(SourceFile file, JavaOutline outline, String hash, String[] mentions) {
            return new TextRead(file, Optional.empty(), Optional.of(outline), hash, mentions, Optional.empty());
        }
    }

    /** How many files are read at once before they join the index (and the progress shown moves). */
    private static final int READ_BATCH = 256;

    /**
     * Reads and indexes files, in order; unreadable files are reported as failed. The files of a
     * batch are read in parallel (each on its own: text, outline, hash) and then join the index one
     * by one, so the index is the same whatever the number of cores; {@code progress} hears the
     * number of files indexed so far. A text another scan of the cache is reading is waited for once
     * the batch's other files are read.
     */
    void addAll(List<SourceFile> files, JavaRows rows, java.util.function.IntConsumer progress) {
        String outlineRows = ContentDigest.of(rows.outlineRows());
        for (int from = 0; from < files.size(); from += READ_BATCH) {
            List<SourceFile> batch = files.subList(from, Math.min(files.size(), from + READ_BATCH));
            List<TextRead> reads = batch.parallelStream().map(f -> read(f, rows, outlineRows)).toList();
            for (int i = 0; i < reads.size(); i++) {
                index(settled(reads.get(i), rows, outlineRows));
                progress.accept(from + i + 1);
            }
        }
    }

    /** A read whose text another scan was reading, once that scan has read it (or read here, if it gave up). */
    private TextRead settled(TextRead read, JavaRows rows, String outlineRows) {
        TextRead settled = read;
        while (settled.pending().isPresent()) {
            TextFacts theirs = settled.pending().get().join();
            settled = theirs != null ? TextRead.of(read.file(), theirs.outline(), read.hash(), theirs.mentions())
                    : read(read.file(), rows, outlineRows);
        }
        return settled;
    }

    private TextRead read(SourceFile file, JavaRows rows, String outlineRows) {
        try {
            return readText(file, rows, outlineRows);
        } catch (DocException e) {
            return TextRead.failed(file, e);
        } catch (RuntimeException | StackOverflowError e) {
            // one file must not stop the reading of the others
            return TextRead.failed(file, new DocException("internal error reading this file (" + e.getClass().getSimpleName()
                    + "); please report it", Location.file(file.path())));
        }
    }

    private TextRead readText(SourceFile file, JavaRows rows, String outlineRows) throws DocException {
        String original = SourceText.read(file, limits);
        if (content.isEmpty()) {
            return TextRead.of(file, JavaOutline.of(decoded(original), rows), "", new String[0]);
        }
        String hash = ContentDigest.of(original);
        String seenAs = outlineRows + " " + hash;
        FactsCache cache = known.orElseThrow();
        FactsCache.TextLookup found = cache.text(seenAs);
        if (found instanceof FactsCache.TextLookup.Kept kept) {
            return TextRead.of(file, kept.facts().outline(), hash, kept.facts().mentions());
        }
        if (found instanceof FactsCache.TextLookup.Pending theirs) {
            return new TextRead(file, Optional.empty(), Optional.empty(), hash, new String[0], Optional.of(theirs.pending()));
        }
        boolean kept = false;
        try {
            String text = decoded(original);
            TextFacts facts = new TextFacts(JavaOutline.of(text, rows), words(text));
            cache.keepText(seenAs, facts);
            kept = true;
            return TextRead.of(file, facts.outline(), hash, facts.mentions());
        } finally {
            if (!kept) {
                cache.abandonText(seenAs);
            }
        }
    }

    /** Java reads {@code \\uXXXX} escapes before anything else, so a name can be written with them. */
    private static String decoded(String text) {
        return text.contains("\\u") ? unicodeEscapesDecoded(text) : text;
    }

    private void index(TextRead read) {
        SourceFile file = read.file();
        if (read.failure().isPresent()) {
            DocException e = read.failure().get();
            model.failed(file, "java", e);
            unreadable.add(file.path());
            model.notify("warning", "tools-may-be-missing", "this Java file could not be read (" + e.getMessage()
                    + "); any tools, agents or prompts it declares are missing from the model", Location.file(file.path()));
            return;
        }
        content.ifPresent(c -> {
            c.hashes().put(file.path(), read.hash());
            c.mentions().put(file.path(), read.mentions());
        });
        JavaOutline outline = read.outline().orElseThrow();
        String pkg = outline.pkg();
        List<String> types = new ArrayList<>();
        types.add(file.fileName().replaceFirst("\\.java$", ""));
        outline.types().stream().filter(t -> !types.contains(t)).forEach(types::add);
        for (String[] sub : outline.supertypes()) {
            subtypes.computeIfAbsent(sub[1], k -> new ArrayList<>()).add(qualify(pkg, sub[0]));
        }
        Entry entry = new Entry(file, pkg, List.copyOf(types), outline.namesFramework());
        byPath.put(file.path(), entry);
        for (String type : types) {
            byFqn.computeIfAbsent(qualify(pkg, type), k -> new ArrayList<>()).add(entry);
        }
        if (outline.readsCredential()) {
            for (String type : outline.constructed()) {
                constructors.computeIfAbsent(type, k -> new ArrayList<>()).add(entry);
            }
        }
    }

    /** The identifiers a text mentions, each once. */
    private static String[] words(String text) {
        Set<String> ids = new HashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (Character.isJavaIdentifierStart(ch)) {
                int start = i++;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                ids.add(text.substring(start, i));
            } else if (Character.isJavaIdentifierPart(ch)) {
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++; // a number, or the rest of a word that starts with a digit
                }
            } else {
                i++;
            }
        }
        return ids.toArray(String[]::new);
    }

    /** The text as javac reads it: every {@code \\uXXXX} escape replaced by its character (JavaParser's own reader). */
    static String unicodeEscapesDecoded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char[] buffer = new char[8192];
        try (UnicodeEscapeProcessingProvider reader = new UnicodeEscapeProcessingProvider(Providers.provider(text))) {
            for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
                out.append(buffer, 0, n);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * A digest of the content of every file whose text could matter to reading {@code file} and
     * following its tools: its <em>reference closure</em>, the file itself and, repeatedly, the
     * files that declare a type named by an identifier of a file already in, that declare a subtype
     * of a type named there, or that construct (with a credential) a type named there. Names are
     * matched by their simple name in any package, in code, comments and strings alike, so the
     * closure holds every file the call walk or the symbol solver can reach (both find files only by
     * type names written in files they already read) and more. Any change to the path or content of
     * a file in the closure, or a file joining it, changes the digest. Computed for every file at
     * once over the components of the reference graph, each component's digest covering its files
     * and the digests of the components it refers to; empty when this index keeps no content facts.
     */
    Optional<String> closureDigest(Entry file) {
        if (content.isEmpty()) {
            return Optional.empty();
        }
        if (closureDigests == null) {
            closureDigests = ReferenceGraph.digests(List.copyOf(byPath.values()), this::referencedBy, this::contentLine);
        }
        return Optional.ofNullable(closureDigests.get(file.file().path()));
    }

    private Map<String, String> closureDigests;

    private String contentLine(Entry e) {
        return e.file().path() + " " + content.map(c -> c.hashes().get(e.file().path())).orElse("?");
    }

    /** The files a file's words can lead to: declarations, subtypes and credentialed constructions of the types it names. */
    private List<Entry> referencedBy(Entry e) {
        if (bySimpleName == null) {
            bySimpleName = new HashMap<>();
            for (Entry f : byPath.values()) {
                f.types().forEach(t -> bySimpleName.computeIfAbsent(t, k -> new ArrayList<>()).add(f));
            }
            byWord = new HashMap<>();
        }
        List<Entry> out = new ArrayList<>();
        for (String id : content.get().mentions().getOrDefault(e.file().path(), new String[0])) {
            out.addAll(byWord.computeIfAbsent(id, word -> {
                List<Entry> to = new ArrayList<>(bySimpleName.getOrDefault(word, List.of()));
                to.addAll(filesConstructing(word));
                subtypes.getOrDefault(word, List.of()).forEach(fqn -> to.addAll(filesOf(fqn)));
                return to.isEmpty() ? List.of() : List.copyOf(to);
            }));
        }
        return out;
    }

    private Map<String, List<Entry>> bySimpleName;
    private Map<String, List<Entry>> byWord;

    private static String qualify(String pkg, String name) {
        return pkg.isEmpty() ? name : pkg + "." + name;
    }

    /** Files that name a framework, sorted by path. */
    List<Entry> marked() {
        return byPath.values().stream().filter(Entry::marked).toList();
    }

    /** True when a project file declares this fully-qualified type. */
    boolean declares(String fqn) {
        return byFqn.containsKey(fqn);
    }

    /** The files declaring a fully-qualified type (usually one). */
    List<Entry> filesOf(String fqn) {
        return byFqn.getOrDefault(fqn, List.of());
    }

    /** Fully-qualified names of project types that name {@code simpleName} after extends/implements. */
    List<String> subtypesOf(String simpleName) {
        return subtypes.getOrDefault(simpleName, List.of()).stream().distinct().sorted().toList();
    }

    /** Files that read a credential and construct a type of this simple name ({@code new Name(}), by path. */
    List<Entry> filesConstructing(String simpleName) {
        return constructors.getOrDefault(simpleName, List.of());
    }

    /** The whole parsed file, parsing it now if needed; empty when it does not parse. */
    Optional<CompilationUnit> parse(Entry entry) {
        Optional<CompilationUnit> unit = declarations(entry);
        unit.ifPresent(cu -> bodies.completeAll(cu, sink));
        return unit;
    }

    /**
     * The parsed file, parsing it now if needed, where the bodies of its methods may still be left
     * out: enough for its types, fields, constructors and signatures. {@link #completeBody} reads a
     * body when it is needed. Empty when the file does not parse.
     */
    Optional<CompilationUnit> declarations(Entry entry) {
        String path = entry.file().path();
        if (unreadable.contains(path)) {
            return Optional.empty(); // reported by the text pass
        }
        Attempt attempt = attempt(entry);
        if (attempt.unit().isPresent()) {
            if (parsed.add(path)) {
                parsedByAll.incrementAndGet();
            }
            sink.scanned(entry.file(), "java");
        } else {
            fail(entry, attempt.failure().orElseThrow());
        }
        return attempt.unit();
    }

    /** One file's parse: the unit, or why there is none. */
    private record Attempt(Optional<CompilationUnit> unit, Optional<DocException> failure) {
    }

    /** Parses a file once (the result is kept), without recording its status. */
    private Attempt attempt(Entry entry) {
        return attempts.computeIfAbsent(entry.file().path(), path -> {
            try {
                return new Attempt(Optional.of(parseNow(entry)), Optional.empty());
            } catch (DocException e) {
                return new Attempt(Optional.empty(), Optional.of(e));
            }
        });
    }

    private CompilationUnit parseNow(Entry entry) throws DocException {
        String path = entry.file().path();
        try {
            String text = SourceText.read(entry.file(), limits);
            if (SyntaxDepth.brackets(text) > SyntaxDepth.MAX) {
                throw new DocException("nested deeper than " + SyntaxDepth.MAX + " brackets", Location.file(path));
            }
            if (bodyReading == BodyReading.ON_DEMAND && !entry.marked()) {
                Optional<DeclarationSkeleton> skeleton = DeclarationSkeleton.of(text);
                Optional<CompilationUnit> unit = skeleton.isPresent() ? parseSkeleton(entry, skeleton.get()) : Optional.empty();
                if (unit.isPresent()) {
                    return unit.get();
                }
            }
            ParseResult<CompilationUnit> result = parse(config, limits, path, ParseStart.COMPILATION_UNIT, text);
            if (result.isSuccessful() && result.getResult().isPresent()) {
                CompilationUnit cu = result.getResult().get();
                if (SyntaxDepth.tree(cu) > SyntaxDepth.MAX) {
                    throw new DocException("syntax tree deeper than " + SyntaxDepth.MAX
                            + " levels (a very long chain of operators or calls)", Location.file(path));
                }
                cu.setData(FILE_KEY, entry);
                return cu;
            }
            throw syntaxError(path, result, new DeclarationSkeleton.Position(1, 1));
        } catch (RuntimeException | StackOverflowError e) {
            throw new DocException("Java parser failed: " + e.getClass().getSimpleName(), Location.file(path));
        }
    }

    /** A parse of {@code text} (of the file at {@code path}) under the file's time budget. */
    static <N extends Node> ParseResult<N> parse(ParserConfiguration config, ReadLimits limits, String path, ParseStart<N> start,
                                                 String text) throws DocException {
        // a parser per parse: JavaParser reuses its generated parser, and an abandoned parse may still be running
        return ParseBudget.run(path, limits.parseTimeout(), () -> new JavaParser(config)
                .parse(start, Providers.provider(ParseBudget.interruptible(new StringReader(text)))));
    }

    /** The first problem of a failed parse of text that starts {@code at} in its file. */
    static DocException syntaxError(String path, ParseResult<?> result, DeclarationSkeleton.Position at) {
        Problem problem = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
        int line = 1;
        int col = 1;
        String message = "unparseable";
        if (problem != null) {
            message = problem.getMessage().lines().findFirst().orElse("unparseable");
            int expected = message.indexOf(", expected");
            message = expected > 0 ? message.substring(0, expected) : message;
            if (problem.getLocation().isPresent() && problem.getLocation().get().getBegin().getRange().isPresent()) {
                com.github.javaparser.Position p = LeftOutBodies.moved(problem.getLocation().get().getBegin().getRange().get().begin, at);
                line = p.line;
                col = p.column;
            }
        }
        return new DocException("Java syntax error: " + message, Location.at(path, line, col));
    }

    private final LeftOutBodies bodies;

    /**
     * Reads a method's body if it was left out of its file's parse; true when the method has a body.
     * A body that does not parse is reported (its file failed, with the line) each time it is asked
     * for, and the method is then read as having none, as when its whole file fails.
     */
    boolean completeBody(MethodDeclaration method) {
        return bodies.complete(method, sink);
    }

    /**
     * Reads every body left out under {@code scope} whose text mentions one of {@code words}: what a
     * search of {@code scope} for code naming one of them (an assignment to a field) needs.
     */
    void completeBodiesMentioning(Node scope, java.util.Collection<String> words) {
        bodies.completeMentioning(scope, words, sink);
    }

    private final Map<String, Recorded<?>> computed = new HashMap<>();

    /** A value computed from this index, and what its computation recorded. */
    private record Recorded<T>(T value, ModelBuilder.Recording recording) {
    }

    /**
     * A value computed from this index once, whichever part of the scan asks first: the computation
     * records into a builder of its own, and what it recorded (the files it read, scanned or failed,
     * and its notes) is replayed into the asking part's builder on that call and on every later one,
     * so each part records what the value was read from as if it had computed it itself.
     * {@code compute} must depend on nothing but this index and {@code key}.
     */
    @SuppressWarnings("unchecked")
    <T> T computeOnce(String key, java.util.function.Supplier<T> compute) {
        Recorded<?> known = computed.get(key);
        if (known == null) {
            ModelBuilder part = sink;
            ModelBuilder own = new ModelBuilder();
            sink = own;
            T value;
            try {
                value = compute.get();
            } finally {
                sink = part;
            }
            known = new Recorded<>(value, own.recording());
            computed.put(key, known);
        }
        sink.replay(known.recording());
        return (T) known.value();
    }

    /**
     * The parse of a file's skeleton, each body left out matched to the method JavaParser puts
     * there; empty (the file is then parsed whole) when it does not parse or a body left out is not
     * exactly a method's body in JavaParser's reading.
     */
    private Optional<CompilationUnit> parseSkeleton(Entry entry, DeclarationSkeleton skeleton) throws DocException {
        String path = entry.file().path();
        ParseResult<CompilationUnit> result = parse(config, limits, path, ParseStart.COMPILATION_UNIT, skeleton.text());
        if (!result.isSuccessful() || result.getResult().isEmpty() || SyntaxDepth.tree(result.getResult().get()) > SyntaxDepth.MAX) {
            return Optional.empty();
        }
        CompilationUnit cu = result.getResult().get();
        Map<DeclarationSkeleton.Position, MethodDeclaration> byBody = new HashMap<>();
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            m.getBody().flatMap(Node::getBegin).ifPresent(p -> byBody.put(new DeclarationSkeleton.Position(p.line, p.column), m));
        }
        List<MethodDeclaration> methods = new ArrayList<>();
        for (DeclarationSkeleton.Body body : skeleton.bodies()) {
            MethodDeclaration m = byBody.get(body.begin());
            Optional<com.github.javaparser.Position> end = m == null ? Optional.empty() : m.getBody().flatMap(Node::getEnd);
            if (end.isEmpty() || end.get().line != body.end().line() || end.get().column != body.end().column()) {
                return Optional.empty();
            }
            methods.add(m);
        }
        bodies.add(cu, entry, skeleton, methods);
        cu.setData(FILE_KEY, entry);
        return Optional.of(cu);
    }

    private void fail(Entry entry, DocException why) {
        sink.failed(entry.file(), "java", why);
        if (entry.marked()) {
            sink.notify("warning", "tools-may-be-missing", "this file names a tool framework but could not be parsed ("
                    + why.getMessage() + "); any tools, agents or prompts it declares are missing from the model",
                    Location.file(entry.file().path()));
        }
    }

    /** Marks every file that was neither parsed nor failed, by this scan or by the cached parts it replayed, as skipped. */
    void reportSkipped() {
        for (Entry e : byPath.values()) {
            if (!model.hasInput(e.file().path())) {
                model.skipped(e.file().path(), "no tool framework referenced and no tool reaches it");
            }
        }
    }

    /** Number of files parsed so far, by this index and the indexes forked from the same one. */
    int parsedCount() {
        return parsedByAll.get();
    }

    /** Source roots (absolute) inferred from each file's package and path, for the symbol solver. */
    List<java.nio.file.Path> sourceRoots() {
        java.util.Set<java.nio.file.Path> roots = new TreeSet<>();
        for (Entry e : byPath.values()) {
            java.nio.file.Path dir = e.file().absolute().getParent();
            if (dir == null) {
                continue;
            }
            String[] parts = e.pkg().isEmpty() ? new String[0] : e.pkg().split("\\.");
            boolean ok = true;
            for (int i = parts.length - 1; i >= 0 && dir != null; i--) {
                if (dir.getFileName() == null || !dir.getFileName().toString().equals(parts[i])) {
                    ok = false;
                    break;
                }
                dir = dir.getParent();
            }
            if (ok && dir != null) {
                roots.add(dir);
            }
        }
        return List.copyOf(roots);
    }

    /** Source roots relative to the scan root, as {@link #sourceRoots} infers them; the same for the same tree wherever it lies. */
    List<String> sourceRootNames() {
        return byPath.values().stream().flatMap(e -> e.sourceRoot().stream()).distinct().sorted().toList();
    }

    /**
     * The parsed-files cache to hand to a {@code JavaParserTypeSolver}: it answers for every path, so
     * the solver never reads a file itself. A file of this index comes parsed as {@link #parse} does
     * (under the budget and depth limits, once, shared) but keeps its status (a file read only to
     * resolve a name stays skipped); any other path, such as a file behind a symbolic link, excluded
     * or in a build folder, is absent.
     */
    com.github.javaparser.resolution.cache.Cache<java.nio.file.Path, Optional<CompilationUnit>> solverCache() {
        if (solverCache == null) {
            // one cache for every source root: building the path map per root was quadratic in roots × files
            Map<java.nio.file.Path, Entry> byAbsolute = new java.util.HashMap<>();
            byPath.values().forEach(e -> byAbsolute.put(e.file().absolute().toAbsolutePath().normalize(), e));
            solverCache = solverCache(byAbsolute);
        }
        return solverCache;
    }

    private com.github.javaparser.resolution.cache.Cache<java.nio.file.Path, Optional<CompilationUnit>> solverCache;

    private com.github.javaparser.resolution.cache.Cache<java.nio.file.Path, Optional<CompilationUnit>> solverCache(
            Map<java.nio.file.Path, Entry> byAbsolute) {
        return new LookupCache<>(key -> {
            Entry entry = byAbsolute.get(key);
            return entry == null ? Optional.empty() : attempt(entry).unit();
        }, byAbsolute.size());
    }

    /**
     * The parsed-directories cache to hand to a {@code JavaParserTypeSolver}. The solver lists a
     * package folder only after the file named after a type was not it, to find a type declared in a
     * file of another name; so a folder answers with the files whose text declares more than the type
     * named after the file, and a file that can only declare its own name is never parsed for it (a
     * miss used to parse the whole package).
     */
    com.github.javaparser.resolution.cache.Cache<java.nio.file.Path, List<CompilationUnit>> directoryCache() {
        Map<java.nio.file.Path, List<Entry>> byFolder = new java.util.HashMap<>();
        for (Entry e : byPath.values()) {
            java.nio.file.Path folder = e.file().absolute().toAbsolutePath().normalize().getParent();
            if (folder != null && e.types().size() > 1) {
                byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(e);
            }
        }
        return new LookupCache<>(key -> byFolder.getOrDefault(key, List.<Entry>of()).stream()
                .flatMap(e -> attempt(e).unit().stream()).toList(), byFolder.size());
    }

    private java.util.Set<java.nio.file.Path> stems;
    private java.util.Set<java.nio.file.Path> multiTypeFolders;

    /**
     * False when no file under {@code root} can declare the type {@code name} (dotted) for a
     * {@code JavaParserTypeSolver} of that root: neither a file at {@code root/a/b/C.java} for any
     * prefix {@code a.b.C} of the name, nor a file declaring several types in the folder above it
     * (the only files {@link #directoryCache} offers). Paths only; nothing is parsed.
     */
    boolean mayDeclare(java.nio.file.Path root, String name) {
        if (stems == null) {
            stems = new java.util.HashSet<>();
            multiTypeFolders = new java.util.HashSet<>();
            for (Entry e : byPath.values()) {
                java.nio.file.Path p = e.file().absolute().toAbsolutePath().normalize();
                stems.add(p.resolveSibling(p.getFileName().toString().replaceFirst("\\.java$", "")));
                if (e.types().size() > 1 && p.getParent() != null) {
                    multiTypeFolders.add(p.getParent());
                }
            }
        }
        java.nio.file.Path base = root.toAbsolutePath().normalize();
        String[] parts = name.split("\\.");
        java.nio.file.Path folder = base;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                return true; // an odd name: let the solver judge it
            }
            if (multiTypeFolders.contains(folder)) {
                return true;
            }
            java.nio.file.Path stem = folder.resolve(parts[i]);
            if (stems.contains(stem)) {
                return true;
            }
            folder = stem;
        }
        return false;
    }

    /** Number of files parsed so far, for the scan or only to resolve a name. */
    int attemptCount() {
        return attempts.size();
    }

    /** The key under which each parsed unit keeps its index entry. */
    static final com.github.javaparser.ast.DataKey<Entry> FILE_KEY = new com.github.javaparser.ast.DataKey<>() {
    };
}
