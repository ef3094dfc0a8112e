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
 * <p>Only files that name a framework package are parsed up front; any other file is parsed only
 * when a tool body calls into a type it declares, and is otherwise recorded as skipped. A file that
 * does not parse (syntax error, over the size or time budget, nested too deeply) is recorded as
 * failed with its line, with a warning when it names a framework, and the scan goes on. Nothing
 * scanned is compiled, loaded or run.
 */
public final class JavaSourceIngester implements ProjectIngester {
    private final RuleCatalog catalog;
    private final ReadLimits limits;

    /** An ingester that reads the framework and API rows of {@code catalog}, within the default limits. */
    public JavaSourceIngester(RuleCatalog catalog) {
        this(catalog, ReadLimits.DEFAULT);
    }

    /** An ingester that reads the framework and API rows of {@code catalog}, each file within {@code limits}. */
    public JavaSourceIngester(RuleCatalog catalog, ReadLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
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
    private record Binding(String agent, String framework, Location location, Set<String> toolsets, Set<Node> built) {
    }

    @Override
    public void ingest(List<SourceFile> files, ModelBuilder model) {
        JavaRows rows = JavaRows.from(catalog);
        // storeTokens(true): with false, JavaParser 3.28 keeps no node ranges, and every location needs a line
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setStoreTokens(true);
        SourceIndex index = new SourceIndex(config, limits, model);
        List<SourceFile> javaFiles = files.stream().filter(this::wants).sorted().toList();
        model.progress().start(javaFiles.size());
        for (int i = 0; i < javaFiles.size(); i++) {
            index.add(javaFiles.get(i), rows);
            model.progress().update(i + 1, index.parsedCount());
        }
        CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
        ParserConfiguration solverConfig = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setStoreTokens(true);
        var folders = index.directoryCache();
        for (Path root : index.sourceRoots()) {
            // the solver sees the index's parses only: never a file discovery skipped, never one outside the budget
            solver.add(new RootFilteredSolver(new JavaParserTypeSolver(root, new com.github.javaparser.JavaParser(solverConfig),
                    index.solverCache(), folders, com.github.javaparser.symbolsolver.cache.InMemoryCache.create()),
                    name -> index.mayDeclare(root, name)));
        }
        config.setSymbolResolver(new JavaSymbolSolver(solver));
        Names names = new Names(index);

        List<ToolDecl> tools = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        for (SourceIndex.Entry entry : index.marked()) {
            Optional<CompilationUnit> cu = index.parse(entry);
            model.progress().update(javaFiles.size(), index.parsedCount());
            if (cu.isEmpty()) {
                continue;
            }
            try {
                tools.addAll(toolsIn(cu.get(), names, rows));
                bindings.addAll(bindingsIn(cu.get(), names, rows, model));
                tools.addAll(new ToolSpecs(names, rows, model).specsIn(cu.get()));
                promptsIn(cu.get(), names, rows, model).forEach(model::addPrompt);
            } catch (RuntimeException | StackOverflowError e) {
                model.notify("warning", "java-file-unreadable", "declarations of this file could not be read ("
                        + e.getClass().getSimpleName() + "); its tools, agents and prompts may be missing", Location.file(entry.file().path()));
            }
        }
        Map<String, List<CallFollower.Target>> targetCache = new HashMap<>();
        for (ToolDecl t : tools) {
            CallFollower follower = new CallFollower(index, names, rows, targetCache);
            CallFollower.Target target = new CallFollower.Target(t.body(), t.type(), t.cu());
            List<Signal> signals = new ArrayList<>();
            try {
                follower.walkTool(target);
                signals.addAll(follower.signals());
                target.body().ifPresent(b -> signals.addAll(new ArgumentFlow(follower, rows).flows(t.sources(), b, t.cu())));
            } catch (RuntimeException | StackOverflowError e) {
                model.notify("warning", "tool-body-unknown", "the body of tool " + t.id() + " could not be followed ("
                        + e.getClass().getSimpleName() + "); its effects are not known", t.location());
            }
            model.addTool(new Tool(t.id(), t.toolset(), t.name(), t.framework(), t.description(), t.location(),
                    t.parameters(), signals, follower.credentials()));
        }
        for (Binding b : bindings) {
            List<String> ids = tools.stream().filter(t -> b.toolsets().contains(t.toolset()) || b.built().contains(t.declaredAt()))
                    .map(ToolDecl::id)
                    .distinct().sorted().toList();
            model.addAgent(new AgentDecl(b.agent(), "", b.location(), List.of(), ids, List.of(), "", b.framework()));
        }
        index.reportSkipped();
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
                        parameters(cu, m, row, names), m, ArgumentFlow.parameterSources(m, cu), type.get(), cu, m));
                break;
            }
        }
        return out;
    }

    private static String text(AnnotationExpr a, String attribute) {
        return Literals.attribute(a, attribute).map(Literals::literalText).orElse("").strip();
    }

    private static List<Parameter> parameters(CompilationUnit cu, MethodDeclaration m, ModelRow row, Names names) {
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

    private List<Binding> bindingsIn(CompilationUnit cu, Names names, JavaRows rows, ModelBuilder model) {
        List<Binding> out = new ArrayList<>();
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class, c -> JavaRows.mayMatchMethod(rows.registrations(), c.getNameAsString()))) {
            List<String> values = values(cu, call, names);
            Optional<JavaRows.Match> match = JavaRows.first(rows.registrations(), values);
            if (match.isEmpty()) {
                continue;
            }
            Location loc = CallFollower.locationOf(cu, call);
            Set<String> toolsets = new TreeSet<>();
            Set<Node> built = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            call.getArguments().forEach(arg -> builtBy(arg, built, 0));
            for (Expression arg : call.getArguments()) {
                List<String> types = argumentTypes(cu, arg, names);
                if (types.isEmpty()) {
                    model.notify("warning", "tools-not-enumerable", "tools passed as '" + arg + "' to " + call.getNameAsString()
                            + "(...) cannot be enumerated statically", loc);
                }
                types.stream().map(Names::simple).forEach(toolsets::add);
            }
            out.add(new Binding(agentName(call, match.get().row()), JavaRows.framework(match.get().row()), loc, toolsets, built));
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

    private static List<String> values(CompilationUnit cu, MethodCallExpr call, Names names) {
        List<String> types = call.getScope().map(s -> names.typeOf(cu, s)).orElse(List.of());
        return types.stream().map(t -> t + "#" + call.getNameAsString()).toList();
    }

    private static List<String> argumentTypes(CompilationUnit cu, Expression arg, Names names) {
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
    private static String agentName(MethodCallExpr call, ModelRow row) {
        String how = JavaRows.attr(row, "agent-name", "enclosing-class");
        for (Expression e = call; e instanceof MethodCallExpr c; e = c.getScope().orElse(null)) {
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
        return Names.enclosingType(call).map(TypeDeclaration::getNameAsString).orElse("agent");
    }

    private List<Prompt> promptsIn(CompilationUnit cu, Names names, JavaRows rows, ModelBuilder model) {
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
                Optional<Prompt> fromFile = PromptResources.read(cu.getData(SourceIndex.FILE_KEY), resource, model, where);
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
