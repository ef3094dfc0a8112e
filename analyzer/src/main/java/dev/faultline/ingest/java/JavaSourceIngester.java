package dev.faultline.ingest.java;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.ProjectIngester;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.AgentDecl;
import dev.faultline.model.Parameter;
import dev.faultline.model.Prompt;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Location;
import dev.faultline.rules.ModelRow;
import dev.faultline.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the Java code of agents (kind {@code java}): the tools that LangChain4j, Spring AI, the MCP
 * servers, Google ADK and Semantic Kernel expose, the agents they are bound to, the prompts beside
 * them, and what each tool body reaches (API calls, credentials, parameters flowing into sinks).
 * What frameworks and APIs mean comes from the {@code rules/java/models} rows.
 *
 * <p>Tools of MCP servers are bound to no agent in code: whatever client connects calls them, so a
 * notification asks for the client agent in {@code faultline.yaml}. Registrations that cannot be
 * enumerated (runtime names, reflection, registration behind a runtime condition) are said as
 * {@code tools-not-enumerable} notifications.
 *
 * <p>Only files that name a framework package are parsed up front; any other file is parsed only
 * when a tool body calls into a type it declares, and is otherwise recorded as skipped. A file that
 * does not parse (syntax error, over the size or time budget, nested too deeply) is recorded as
 * failed with its line, with a warning when it names a framework, and the scan goes on. Nothing
 * scanned is compiled, loaded or run.
 *
 * <p>Each framework file is read on its own into {@link FileFacts} (its declarations, and the walk
 * of the bodies of the tools it declares, with caches of its own), and the facts of all of them are
 * then merged: registrations bind tools declared anywhere. So a file's facts do not depend on the
 * files read before it, and a {@link FactsCache} can keep and reuse them.
 */
public final class JavaSourceIngester implements ProjectIngester {
    private final RuleCatalog catalog;
    private final ReadLimits limits;
    private final Optional<FactsCache> cache;
    private final SourceIndex.BodyReading bodyReading;
    private final int readers;
    private final int chunk;

    /** An ingester that reads the framework and API rows of {@code catalog}, within the default limits. */
    public JavaSourceIngester(RuleCatalog catalog) {
        this(catalog, ReadLimits.DEFAULT);
    }

    /** An ingester that reads the framework and API rows of {@code catalog}, each file within {@code limits}. */
    public JavaSourceIngester(RuleCatalog catalog, ReadLimits limits) {
        this(catalog, limits, Optional.empty());
    }

    /** An ingester that also keeps the facts of each framework file in {@code cache} and reuses those still valid. */
    public JavaSourceIngester(RuleCatalog catalog, ReadLimits limits, Optional<FactsCache> cache) {
        this(catalog, limits, cache, SourceIndex.BodyReading.ON_DEMAND);
    }

    /** An ingester that reads the method bodies of the files tools call into as {@code bodyReading} says. */
    JavaSourceIngester(RuleCatalog catalog, ReadLimits limits, Optional<FactsCache> cache, SourceIndex.BodyReading bodyReading) {
        this(catalog, limits, cache, bodyReading, Math.max(1, Math.min(MAX_READERS, Runtime.getRuntime().availableProcessors() / 2)),
                READ_CHUNK);
    }

    /** An ingester with up to {@code readers} threads reading framework files, {@code chunk} files at a time. */
    JavaSourceIngester(RuleCatalog catalog, ReadLimits limits, Optional<FactsCache> cache, SourceIndex.BodyReading bodyReading,
                       int readers, int chunk) {
        this.catalog = catalog;
        this.limits = limits;
        this.cache = cache;
        this.bodyReading = bodyReading;
        this.readers = readers;
        this.chunk = chunk;
    }

    @Override
    public String kind() {
        return "java";
    }

    @Override
    public boolean wants(SourceFile file) {
        return file.extension().equals("java");
    }

    /** Tool classes handed to an agent by one registration call. */
    private record Binding(String agent, String framework, Location location, Set<String> toolsets, Set<Node> built,
                           Map<String, String> renames) {
    }

    @Override
    public void ingest(List<SourceFile> files, ModelBuilder model) {
        JavaRows rows = JavaRows.from(catalog);
        SourceIndex index = new SourceIndex(parserConfiguration(), limits, model, cache, bodyReading);
        List<SourceFile> javaFiles = files.stream().filter(this::wants).sorted().toList();
        model.progress().start(javaFiles.size());
        index.addAll(javaFiles, rows, done -> model.progress().update(done, index.parsedCount()));
        try {
            readFrameworkFiles(index, rows, model, javaFiles.size());
        } finally {
            // JavaParserFacade keeps every solver it served in a weak map whose values hold their keys: without
            // this, each scan of a process (history, diff) would keep its solver and every tree that solver parsed
            JavaParserFacade.clearInstances();
        }
    }

    /**
     * How many threads read framework files at most, each with parses and a symbol solver of its own:
     * one per two cores, since a scan this short spends as much CPU compiling code (the JIT) as running
     * it. Measured on two cores, a second reader gained nothing on the synthetic tree and cost 4% on
     * langchain4j, where readers parse many of the same classes.
     */
    private static final int MAX_READERS = 4;
    /** How many framework files in path order a reader takes at a time: neighbours tend to call into the same classes. */
    private static final int READ_CHUNK = 8;

    /** Nothing here reads comments (suppression comments are read from the text): attaching them is a fifth of a parse. */
    private static ParserConfiguration parserConfiguration() {
        return ParserSettings.configuration().setAttributeComments(false);
    }

    /** Gives an index's parses a symbol solver that sees that index's parses only. */
    private static void solveWith(SourceIndex index, List<Path> sourceRoots) {
        CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
        ParserConfiguration solverConfig = parserConfiguration();
        var folders = index.directoryCache();
        for (Path root : sourceRoots) {
            // the solver sees the index's parses only: never a file discovery skipped, never one outside the budget
            solver.add(new RootFilteredSolver(new JavaParserTypeSolver(root, new com.github.javaparser.JavaParser(solverConfig),
                    index.solverCache(), folders, com.github.javaparser.symbolsolver.cache.InMemoryCache.create()),
                    name -> index.mayDeclare(root, name)));
        }
        index.configuration().setSymbolResolver(new JavaSymbolSolver(solver));
    }

    /**
     * The facts of every framework file, from the cache where they are still valid, merged into the
     * model. Files are read by up to one reader per two cores, each with parses and a solver of its own:
     * a file's facts do not depend on what was read before it, so the model is the same whatever
     * the number of readers, and a class two readers need is parsed by both.
     */
    private void readFrameworkFiles(SourceIndex index, JavaRows rows, ModelBuilder model, int javaFiles) {
        List<SourceIndex.Entry> marked = index.marked();
        Optional<FactsCache.Keys> keys = cache.map(c -> c.keys(index, catalog, limits));
        List<Optional<String>> entryKeys = marked.stream().map(e -> keys.map(k -> k.of(e))).toList();
        FileFacts[] facts = new FileFacts[marked.size()];
        int threads = Math.max(1, Math.min(readers, (marked.size() + chunk - 1) / chunk));
        List<Path> roots = index.sourceRoots();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Runnable> work = new ArrayList<>();
        for (int r = 0; r < threads; r++) {
            SourceIndex own = r == 0 ? index : index.forkParses(parserConfiguration());
            work.add(() -> {
                Names names = new Names(own);
                boolean[] solving = {false};
                Runnable solver = () -> { // built when a file is first read: a reader may find all it reads in the cache
                    if (!solving[0]) {
                        solveWith(own, roots);
                        solving[0] = true;
                    }
                };
                // a file another scan of the cache is reading is taken up last, when its facts are likely read
                List<Integer> later = new ArrayList<>();
                for (int from = next.getAndAdd(chunk); from < marked.size(); from = next.getAndAdd(chunk)) {
                    for (int i = from; i < Math.min(from + chunk, marked.size()); i++) {
                        FactsCache.Lookup found = lookup(marked.get(i), entryKeys.get(i));
                        if (found instanceof FactsCache.Lookup.Reading) {
                            later.add(i);
                            continue;
                        }
                        facts[i] = found instanceof FactsCache.Lookup.Found f ? f.facts()
                                : readAndKeep(marked.get(i), entryKeys.get(i), own, names, rows, solver);
                        synchronized (model) {
                            model.progress().update(javaFiles, own.parsedCount());
                        }
                    }
                }
                for (int i : later) {
                    SourceIndex.Entry entry = marked.get(i);
                    Optional<String> key = entryKeys.get(i);
                    facts[i] = cache.flatMap(c -> c.awaited(entry, key.orElseThrow()))
                            .orElseGet(() -> readAndKeep(entry, key, own, names, rows, solver));
                }
            });
        }
        dev.faultline.doc.ParseBudget.allOnLargeStacks(work);
        index.recordInto(model);
        merge(List.of(facts), model);
        index.reportSkipped();
    }

    private FactsCache.Lookup lookup(SourceIndex.Entry entry, Optional<String> key) {
        return key.map(k -> cache.orElseThrow().lookup(k, entry)).orElseGet(FactsCache.Lookup.Claimed::new);
    }

    /** Reads a framework file whose facts no cache had, and keeps them under {@code key}; a key not kept is given up. */
    private FileFacts readAndKeep(SourceIndex.Entry entry, Optional<String> key, SourceIndex index, Names names, JavaRows rows,
                                  Runnable solver) {
        boolean kept = false;
        try {
            solver.run();
            FileFacts read = read(entry, index, names, rows);
            key.ifPresent(k -> cache.orElseThrow().write(k, read));
            kept = true;
            return read;
        } finally {
            if (!kept) {
                key.ifPresent(k -> cache.orElseThrow().abandon(k));
            }
        }
    }

    /** Everything one framework file yields: its declarations, and the walk of the bodies of the tools it declares. */
    private FileFacts read(SourceIndex.Entry entry, SourceIndex index, Names names, JavaRows rows) {
        ModelBuilder sink = new ModelBuilder();
        index.recordInto(sink);
        ResourceLog resources = new ResourceLog();
        List<ToolDecl> tools = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        Optional<CompilationUnit> cu = index.parse(entry);
        if (cu.isPresent()) {
            NamedTools named = new NamedTools(index, names, rows, sink);
            try {
                tools.addAll(toolsIn(cu.get(), names, rows));
                tools.addAll(named.toolsIn(cu.get(), java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
                bindings.addAll(bindingsIn(cu.get(), names, rows, sink, named));
                named.agentCallsIn(cu.get());
                tools.addAll(new ToolSpecs(names, rows, sink).specsIn(cu.get()));
                promptsIn(cu.get(), names, rows, sink, resources).forEach(sink::addPrompt);
            } catch (RuntimeException | StackOverflowError e) {
                sink.notify("warning", "java-file-unreadable", "declarations of this file could not be read ("
                        + e.getClass().getSimpleName() + "); its tools, agents and prompts may be missing", Location.file(entry.file().path()));
            }
        }
        CallFollower.Shared shared = CallFollower.Shared.create(resources);
        List<FileFacts.ToolFacts> followed = tools.stream().map(t -> follow(t, index, names, rows, shared)).toList();
        List<FileFacts.BindingFacts> registrations = bindings.stream().map(b -> new FileFacts.BindingFacts(b.agent(), b.framework(),
                b.location(), List.copyOf(b.toolsets()), b.built().stream().map(FileFacts::keyOf).distinct().sorted().toList(),
                b.renames())).toList();
        return new FileFacts(entry.file().path(), followed, registrations, sink.recording(), resources.reads());
    }

    private FileFacts.ToolFacts follow(ToolDecl t, SourceIndex index, Names names, JavaRows rows, CallFollower.Shared shared) {
        CallFollower follower = new CallFollower(index, names, rows, shared);
        CallFollower.Target target = new CallFollower.Target(t.body(), t.type(), t.cu());
        List<Signal> signals = new ArrayList<>(t.declared());
        String unfollowedBecause = "";
        try {
            follower.walkTool(target);
            signals.addAll(follower.signals());
            target.body().ifPresent(b -> signals.addAll(new ArgumentFlow(follower, rows).flows(t.sources(), b, t.cu())));
        } catch (RuntimeException | StackOverflowError e) {
            unfollowedBecause = e.getClass().getSimpleName();
            signals.add(Signal.of("code-unknown", "body-not-followed", t.location()));
        }
        return new FileFacts.ToolFacts(t.toolset(), t.name(), t.framework(), t.description(), t.location(), t.parameters(),
                signals, follower.credentials(), t.mcpServer(), FileFacts.keyOf(t.declaredAt()), unfollowedBecause);
    }

    /** The facts of every framework file into the model: tools moved to the toolsets they are registered under, agents bound to them. */
    private static void merge(List<FileFacts> facts, ModelBuilder model) {
        facts.forEach(f -> model.replay(f.recorded()));
        List<FileFacts.BindingFacts> bindings = facts.stream().flatMap(f -> f.bindings().stream()).toList();
        List<FileFacts.ToolFacts> tools = renamed(facts.stream().flatMap(f -> f.tools().stream()).toList(), bindings);
        for (FileFacts.ToolFacts t : tools) {
            if (!t.unfollowedBecause().isEmpty()) {
                model.notify("warning", "tool-body-unknown", "the body of tool " + t.id() + " could not be followed ("
                        + t.unfollowedBecause() + "); its effects are not known", t.location());
            }
            model.addTool(t.tool());
        }
        Map<String, FileFacts.ToolFacts> served = new java.util.TreeMap<>();
        tools.stream().filter(FileFacts.ToolFacts::mcpServer).forEach(t -> served.putIfAbsent(t.toolset(), t));
        served.forEach((toolset, first) -> model.notifyWhileUnbound(toolset, "note", "mcp-server-tools", "tools of MCP server " + toolset
                + " are served to external clients; declare the client agent in faultline.yaml (tools: [\"" + toolset + "/*\"])",
                first.location()));
        for (FileFacts.BindingFacts b : bindings) {
            List<String> ids = tools.stream().filter(t -> !t.mcpServer())
                    .filter(t -> b.toolsets().contains(t.toolset()) || b.built().contains(t.declaredAt()))
                    .map(FileFacts.ToolFacts::id)
                    .distinct().sorted().toList();
            model.addAgent(new AgentDecl(b.agent(), "", b.location(), List.of(), ids, List.of(), "", b.framework()));
        }
    }

    private List<ToolDecl> toolsIn(CompilationUnit cu, Names names, JavaRows rows) {
        List<ToolDecl> out = new ArrayList<>();
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            for (AnnotationExpr a : m.getAnnotations()) {
                Optional<JavaRows.Match> match = JavaRows.first(rows.toolAnnotations(), names.qualify(cu, a.getNameAsString()));
                if (match.isEmpty()) {
                    continue;
                }
                ModelRow row = match.get().row();
                Optional<TypeDeclaration<?>> type = Names.enclosingType(m);
                if (type.isEmpty()) {
                    continue;
                }
                String name = text(a, JavaRows.attr(row, "name-attribute", "name"));
                String description = text(a, JavaRows.attr(row, "description-attribute", "description"));
                out.add(new ToolDecl(type.get().getNameAsString(), name.isEmpty() ? m.getNameAsString() : name,
                        JavaRows.framework(row), description, CallFollower.locationOf(cu, m.getName()),
                        parameters(cu, m, row, names), m, ArgumentFlow.parameterSources(m, cu), type.get(), cu, m,
                        JavaRows.servedByMcpServer(row), List.of()));
                break;
            }
        }
        return out;
    }

    static String text(AnnotationExpr a, String attribute) {
        return Literals.attribute(a, attribute).map(Literals::literalText).orElse("").strip();
    }

    static List<Parameter> parameters(CompilationUnit cu, MethodDeclaration m, ModelRow row, Names names) {
        List<Parameter> out = new ArrayList<>();
        String paramAnnotation = JavaRows.attr(row, "param-annotation", "").toLowerCase(java.util.Locale.ROOT);
        for (com.github.javaparser.ast.body.Parameter p : m.getParameters()) {
            String name = p.getNameAsString();
            String description = "";
            for (AnnotationExpr a : p.getAnnotations()) {
                boolean ours = names.qualify(cu, a.getNameAsString()).stream()
                        .anyMatch(q -> q.toLowerCase(java.util.Locale.ROOT).equals(paramAnnotation));
                if (ours) {
                    description = text(a, JavaRows.attr(row, "param-description-attribute", "description"));
                    String declared = text(a, JavaRows.attr(row, "param-name-attribute", "name"));
                    if (row.attributes().containsKey("param-name-attribute") && !declared.isEmpty()) {
                        name = declared;
                    }
                }
            }
            out.add(new Parameter(name, jsonType(p.getType()), description, CallFollower.locationOf(cu, p)));
        }
        return out;
    }

    private static String jsonType(Type type) {
        if (type.isArrayType()) {
            return "array";
        }
        String t = type.isClassOrInterfaceType() ? type.asClassOrInterfaceType().getNameAsString() : type.asString();
        return switch (t) {
            case "String", "CharSequence", "char", "Character", "UUID", "LocalDate", "LocalDateTime", "Instant" -> "string";
            case "int", "long", "short", "byte", "Integer", "Long", "Short", "Byte", "BigInteger" -> "integer";
            case "double", "float", "Double", "Float", "BigDecimal", "Number" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "List", "Set", "Collection", "Iterable" -> "array";
            default -> "object";
        };
    }

    private List<Binding> bindingsIn(CompilationUnit cu, Names names, JavaRows rows, ModelBuilder model, NamedTools named) {
        List<Binding> out = new ArrayList<>();
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class, c -> JavaRows.mayMatchMethod(rows.registrations(), c.getNameAsString()))) {
            List<String> values = values(cu, call, names);
            Optional<JavaRows.Match> match = JavaRows.first(rows.registrations(), values);
            if (match.isEmpty()) {
                continue;
            }
            Location loc = CallFollower.locationOf(cu, call);
            String agent = agentName(call, match.get().row());
            Set<String> toolsets = new TreeSet<>();
            Set<Node> built = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            call.getArguments().forEach(arg -> builtBy(arg, built, 0));
            Set<String> classes = toolsets;
            for (Expression arg : call.getArguments()) {
                registered(cu, arg, names, named, classes, built, model, call, 0);
            }
            runtimeCondition(call).ifPresent(cond -> model.notify("warning", "tools-not-enumerable", "tools of " + agent
                    + " passed to " + call.getNameAsString() + "(...) here are registered only when '" + cond
                    + "' holds at run time; they are counted as registered", loc));
            Map<String, String> renames = new java.util.TreeMap<>();
            String toolset = ToolSpecs.locate(call, JavaRows.attr(match.get().row(), "toolset", "")).map(Literals::literalText).orElse("");
            if (!toolset.isEmpty()) {
                toolsets.forEach(t -> renames.put(t, toolset));
                toolsets = new TreeSet<>(Set.of(toolset));
            }
            out.add(new Binding(agent, JavaRows.framework(match.get().row()), loc, toolsets, built, renames));
        }
        return out;
    }

    /**
     * What one registration argument registers: the methods a by-name registration names, the tool
     * classes of the objects passed (through variables and factories such as {@code List.of}), or a
     * notification when neither can be known statically.
     */
    private void registered(CompilationUnit cu, Expression arg, Names names, NamedTools named, Set<String> toolsets,
                            Set<Node> built, ModelBuilder model, MethodCallExpr call, int depth) {
        if (arg instanceof com.github.javaparser.ast.expr.LiteralExpr) {
            return; // a name or option beside the tool objects (a plugin name), never a tool object
        }
        Expression def = ToolSpecs.definition(arg);
        if (def instanceof MethodCallExpr m && named.isRegistration(cu, m)) {
            built.addAll(named.methods(cu, m));
            return;
        }
        if (def instanceof MethodCallExpr m && depth < 3 && m.getArguments().stream()
                .anyMatch(a -> ToolSpecs.definition(a) instanceof MethodCallExpr inner && named.isRegistration(cu, inner))) {
            m.getArguments().forEach(a -> registered(cu, a, names, named, toolsets, built, model, call, depth + 1));
            return;
        }
        List<String> types = argumentTypes(cu, arg, names);
        Location loc = CallFollower.locationOf(cu, call);
        if (types.isEmpty()) {
            model.notify("warning", "tools-not-enumerable", "tools passed as '" + arg + "' to " + call.getNameAsString()
                    + "(...) cannot be enumerated statically", loc);
        }
        types.stream().map(Names::simple).forEach(toolsets::add);
    }

    /** The condition of an {@code if} or {@code ?:} around a call in its method, when it is registered only then. */
    private static Optional<String> runtimeCondition(Node call) {
        Node child = call;
        for (Node p = call.getParentNode().orElse(null); p != null && !(p instanceof com.github.javaparser.ast.body.CallableDeclaration<?>)
                && !(p instanceof TypeDeclaration<?>); p = p.getParentNode().orElse(null)) {
            if (p instanceof com.github.javaparser.ast.stmt.IfStmt i && i.getCondition() != child) {
                return Optional.of(i.getCondition().toString());
            }
            if (p instanceof com.github.javaparser.ast.expr.ConditionalExpr c && c.getCondition() != child) {
                return Optional.of(c.getCondition().toString());
            }
            child = p;
        }
        return Optional.empty();
    }

    /** Tools of classes registered under a toolset name (a plugin name) move to that toolset, once per name. */
    private static List<FileFacts.ToolFacts> renamed(List<FileFacts.ToolFacts> tools, List<FileFacts.BindingFacts> bindings) {
        List<FileFacts.ToolFacts> out = new ArrayList<>();
        for (FileFacts.ToolFacts t : tools) {
            Set<String> names = new TreeSet<>();
            bindings.forEach(b -> Optional.ofNullable(b.renames().get(t.toolset())).ifPresent(names::add));
            if (names.isEmpty()) {
                out.add(t);
            } else {
                names.forEach(n -> out.add(t.inToolset(n)));
            }
        }
        return out;
    }

    /** The expressions a registration argument stands for: itself, its variable's initializer, a factory's arguments. */
    private static void builtBy(Expression arg, Set<Node> out, int depth) {
        if (depth > 3) {
            return;
        }
        out.add(arg);
        Expression def = ToolSpecs.definition(arg);
        out.add(def);
        if (def instanceof MethodCallExpr m) {
            m.getArguments().forEach(a -> builtBy(a, out, depth + 1));
        }
    }

    static List<String> values(CompilationUnit cu, MethodCallExpr call, Names names) {
        List<String> types = call.getScope().map(s -> names.typeOf(cu, s)).orElse(List.of());
        return types.stream().map(t -> t + "#" + call.getNameAsString()).toList();
    }

    static List<String> argumentTypes(CompilationUnit cu, Expression arg, Names names) {
        if (arg instanceof ObjectCreationExpr o) {
            return names.qualify(cu, o.getType());
        }
        if (arg instanceof ThisExpr) {
            return Names.enclosingType(arg).map(t -> List.of(Names.fqn(cu, t))).orElse(List.of());
        }
        if (arg instanceof NameExpr n) {
            return names.variableType(cu, n, n.getNameAsString()).orElse(List.of());
        }
        if (arg instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            return names.variableType(cu, f, f.getNameAsString()).orElse(List.of());
        }
        if (arg instanceof ClassExpr c) {
            return names.qualify(cu, c.getType());
        }
        if (arg instanceof MethodCallExpr m) {
            // a factory around the tool object: FunctionTool.create(X.class, "m"), createFromObject(new X(), "x")
            List<String> out = new ArrayList<>();
            m.getArguments().forEach(a -> out.addAll(argumentTypes(cu, a, names)));
            return out;
        }
        return List.of();
    }

    /** The agent a registration or prompt call belongs to, as its row's {@code agent-name} says. */
    static String agentName(MethodCallExpr call, ModelRow row) {
        String how = JavaRows.attr(row, "agent-name", "enclosing-class");
        Expression start = call;
        for (int hop = 0; hop < 3 && start instanceof MethodCallExpr; hop++) {
            Expression e = start;
            for (; e instanceof MethodCallExpr c; e = c.getScope().orElse(null)) {
                for (Expression arg : c.getArguments()) {
                    if (how.equals("builder-class-arg") && arg instanceof ClassExpr ce) {
                        return Names.simple(ce.getType().asString());
                    }
                    if (how.startsWith("chain-string:") && c.getNameAsString().equals(how.substring("chain-string:".length()))) {
                        String text = Literals.literalText(arg);
                        if (!text.isEmpty()) {
                            return text;
                        }
                    }
                }
            }
            // builder.tools(...) on a variable: continue with the chain that built the builder
            start = e instanceof NameExpr n ? ToolSpecs.definition(n) : null;
        }
        return Names.enclosingType(call).map(TypeDeclaration::getNameAsString).orElse("agent");
    }

    private List<Prompt> promptsIn(CompilationUnit cu, Names names, JavaRows rows, ModelBuilder model, ResourceLog resources) {
        List<Prompt> out = new ArrayList<>();
        for (AnnotationExpr a : cu.findAll(AnnotationExpr.class)) {
            Optional<JavaRows.Match> match = JavaRows.first(rows.promptAnnotations(), names.qualify(cu, a.getNameAsString()));
            if (match.isEmpty()) {
                continue;
            }
            ModelRow row = match.get().row();
            String text = text(a, JavaRows.attr(row, "text-attribute", "value"));
            Location where = CallFollower.locationOf(cu, a);
            String resource = row.attributes().containsKey("resource-attribute")
                    ? text(a, JavaRows.attr(row, "resource-attribute", "")) : "";
            if (text.isEmpty() && !resource.isEmpty()) {
                Optional<Prompt> fromFile = PromptResources.read(cu.getData(SourceIndex.FILE_KEY), resource, model, where, resources);
                text = fromFile.map(Prompt::text).orElse("(from resource " + resource + ", not found)");
                where = fromFile.map(Prompt::location).orElse(where);
            }
            Node owner = a.getParentNode().orElse(a);
            String agent = owner instanceof TypeDeclaration<?> t ? t.getNameAsString()
                    : Names.enclosingType(a).map(TypeDeclaration::getNameAsString).orElse("agent");
            out.add(new Prompt(agent, JavaRows.attr(row, "role", "system"), text, where));
        }
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class, c -> JavaRows.mayMatchMethod(rows.promptCalls(), c.getNameAsString()))) {
            Optional<JavaRows.Match> match = JavaRows.first(rows.promptCalls(), values(cu, call, names));
            if (match.isEmpty() || call.getArguments().isEmpty()) {
                continue;
            }
            String text = Literals.literalText(call.getArgument(0));
            if (!text.isEmpty()) {
                out.add(new Prompt(agentName(call, match.get().row()), JavaRows.attr(match.get().row(), "role", "system"),
                        text, CallFollower.locationOf(cu, call)));
            }
        }
        return out;
    }
}
