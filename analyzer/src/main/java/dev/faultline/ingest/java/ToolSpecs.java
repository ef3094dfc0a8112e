package dev.faultline.ingest.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.faultline.doc.DocException;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.JsonDocReader;
import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.Parameter;
import dev.faultline.model.Signal;
import dev.faultline.report.Location;
import dev.faultline.rules.ModelRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tools built as values rather than annotated methods ({@code java-tool-spec} rows): an MCP
 * {@code SyncToolSpecification} with a {@code McpSchema.Tool} descriptor and a lambda handler, a
 * Spring AI {@code FunctionToolCallback} with a function object. A spec whose name is not a
 * constant is reported as not enumerable instead of guessed. A descriptor's JSON Schema string gives
 * the parameters, and its declared hints (MCP {@code ToolAnnotations}) give {@code mcp-annotation} signals.
 */
final class ToolSpecs {
    private final Names names;
    private final JavaRows rows;
    private final ModelBuilder model;

    ToolSpecs(Names names, JavaRows rows, ModelBuilder model) {
        this.names = names;
        this.rows = rows;
        this.model = model;
    }

    /** The value-built tools of one file, in source order. */
    List<ToolDecl> specsIn(CompilationUnit cu) {
        List<ToolDecl> out = new ArrayList<>();
        for (Expression call : CallFollower.callsIn(cu)) {
            String method = call instanceof MethodCallExpr m ? m.getNameAsString() : "<init>";
            if (!JavaRows.mayMatchMethod(rows.toolSpecs(), method)) {
                continue;
            }
            Optional<JavaRows.Match> spec = JavaRows.first(rows.toolSpecs(), values(cu, call));
            if (spec.isEmpty()) {
                continue;
            }
            ModelRow row = spec.get().row();
            Location loc = CallFollower.locationOf(cu, call);
            Expression named = call;
            ModelRow naming = row;
            if (row.attributes().containsKey("descriptor")) {
                Optional<Expression> descriptor = locate(call, JavaRows.attr(row, "descriptor", "")).map(ToolSpecs::definition);
                Optional<JavaRows.Match> d = descriptor.flatMap(e -> JavaRows.first(rows.toolDescriptors(), values(cu, e)));
                if (d.isEmpty() && Boolean.parseBoolean(JavaRows.attr(row, "require-descriptor", "false"))) {
                    continue;
                }
                if (d.isEmpty()) {
                    model.notify("warning", "tools-not-enumerable", "a " + JavaRows.framework(row)
                            + " tool is built here from a descriptor that is not a constant; its name is not known", loc);
                    continue;
                }
                named = descriptor.get();
                naming = d.get().row();
            }
            List<Parameter> parameters = new ArrayList<>();
            List<Signal> declared = new ArrayList<>();
            if (naming != row) {
                locate(named, JavaRows.attr(naming, "schema", "")).map(ToolSpecs::definition)
                        .ifPresent(e -> parameters.addAll(schemaParameters(cu, e)));
                locate(named, JavaRows.attr(naming, "hints", "")).map(ToolSpecs::definition)
                        .ifPresent(e -> declared.addAll(hintSignals(cu, e)));
            }
            String name = locate(named, JavaRows.attr(naming, "name", "")).map(Literals::literalText).orElse("");
            String description = locate(named, JavaRows.attr(naming, "description", "")).map(Literals::literalText).orElse("");
            Optional<TypeDeclaration<?>> type = Names.enclosingType(call);
            if (name.isEmpty() || type.isEmpty()) {
                model.notify("warning", "tools-not-enumerable", "a " + JavaRows.framework(row)
                        + " tool is built here with a name that is not a constant", loc);
                continue;
            }
            Optional<Expression> handler = locate(call, JavaRows.attr(row, "handler", "")).map(ToolSpecs::definition);
            Optional<Node> body = handler.flatMap(h -> handlerBody(cu, h, JavaRows.attr(row, "handler-method", "")));
            if (body.isEmpty()) {
                model.notify("warning", "tool-body-unknown", "the handler of tool " + name
                        + " is not a lambda or a method of the project; its effects are not known", loc);
            }
            List<ArgumentFlow.Source> sources = new ArrayList<>();
            if (body.isPresent() && body.get() instanceof LambdaExpr l && row.attributes().containsKey("arguments-param")) {
                int i = Integer.parseInt(JavaRows.attr(row, "arguments-param", "0"));
                if (i < l.getParameters().size()) {
                    sources.add(new ArgumentFlow.Source(l.getParameter(i).getNameAsString(),
                            CallFollower.locationOf(cu, l.getParameter(i)), true));
                }
            } else if (body.isPresent() && body.get() instanceof MethodDeclaration m) {
                sources.addAll(ArgumentFlow.parameterSources(m, m.findCompilationUnit().orElse(cu)));
            }
            Node runs = body.orElse(call);
            TypeDeclaration<?> owner = Names.enclosingType(runs).orElse(type.get());
            List<Signal> facts = new ArrayList<>(declared);
            if (body.isEmpty()) {
                facts.add(Signal.of("code-unknown", "body-not-followed", loc));
            }
            out.add(new ToolDecl(type.get().getNameAsString(), name, JavaRows.framework(row), description.strip(), loc,
                    parameters, runs, sources, owner, runs.findCompilationUnit().orElse(cu), call,
                    JavaRows.servedByMcpServer(row), facts));
        }
        return out;
    }

    /**
     * The parameters of a JSON Schema written as a string constant: each entry of {@code properties}
     * with its type and description, located on its line of a text block (else at the constant).
     */
    private List<Parameter> schemaParameters(CompilationUnit cu, Expression schema) {
        String text = Literals.literalText(schema);
        if (text.isBlank()) {
            return List.of();
        }
        String path = cu.getData(SourceIndex.FILE_KEY).file().path();
        Location at = CallFollower.locationOf(cu, schema);
        DocNode root;
        try {
            root = new JsonDocReader(ReadLimits.DEFAULT).read(path, text);
        } catch (DocException | RuntimeException e) {
            model.notify("warning", "tool-schema-unreadable", "an input schema here is not valid JSON; its parameters are not known", at);
            return List.of();
        }
        List<Parameter> out = new ArrayList<>();
        Optional<DocMap> properties = root.asMap().flatMap(m -> m.map("properties"));
        for (DocMap.Entry p : properties.map(DocMap::entries).orElse(List.of())) {
            Optional<DocMap> prop = p.value().asMap();
            Location where = schema instanceof TextBlockLiteralExpr && at.startLine() > 0
                    ? Location.at(path, at.startLine() + p.keyLocation().startLine(), 1) : at;
            out.add(new Parameter(p.key(), prop.map(m -> m.string("type", "")).orElse(""),
                    prop.map(m -> m.string("description", "")).orElse(""), where));
        }
        return out;
    }

    /**
     * The declared behaviour hints of a tool ({@code java-tool-hints} rows), as the MCP ingester reads
     * them from JSON: {@code readOnlyHint=true} (and {@code openWorldRead=true} with an open-world hint),
     * else {@code destructiveHint=true|false}. Hints that are not boolean literals are not known.
     */
    private List<Signal> hintSignals(CompilationUnit cu, Expression hints) {
        Optional<JavaRows.Match> row = JavaRows.first(rows.toolHints(), values(cu, hints));
        if (row.isEmpty()) {
            return List.of();
        }
        List<String> order = List.of(JavaRows.attr(row.get().row(), "hints", "").trim().split("\\s+"));
        java.util.Map<String, Expression> given = new java.util.HashMap<>();
        if (hints instanceof ObjectCreationExpr o) {
            for (int i = 0; i < o.getArguments().size() && i < order.size(); i++) {
                given.put(order.get(i), o.getArgument(i));
            }
        }
        for (Expression e = hints; e instanceof MethodCallExpr c; e = c.getScope().orElse(null)) {
            if (order.contains(c.getNameAsString()) && c.getArguments().size() == 1) {
                given.putIfAbsent(c.getNameAsString(), c.getArgument(0));
            }
        }
        Optional<Expression> readOnly = bool(given.get("readOnlyHint"), true);
        List<Signal> out = new ArrayList<>();
        if (readOnly.isPresent()) {
            out.add(Signal.of("mcp-annotation", "readOnlyHint=true", CallFollower.locationOf(cu, readOnly.get())));
            bool(given.get("openWorldHint"), true).ifPresent(w -> out.add(Signal.of("mcp-annotation", "openWorldRead=true",
                    CallFollower.locationOf(cu, w))));
        } else {
            for (boolean v : new boolean[] {true, false}) {
                bool(given.get("destructiveHint"), v).ifPresent(d -> out.add(Signal.of("mcp-annotation", "destructiveHint=" + v,
                        CallFollower.locationOf(cu, d))));
            }
        }
        return out;
    }

    private static Optional<Expression> bool(Expression e, boolean value) {
        return e instanceof BooleanLiteralExpr b && b.getValue() == value ? Optional.of(e) : Optional.empty();
    }

    private List<String> values(CompilationUnit cu, Expression e) {
        if (e instanceof ObjectCreationExpr o) {
            return names.qualify(cu, o.getType()).stream().map(t -> t + "#<init>").toList();
        }
        if (e instanceof MethodCallExpr m) {
            return m.getScope().map(s -> names.typeOf(cu, s)).orElse(List.of()).stream()
                    .map(t -> t + "#" + m.getNameAsString()).toList();
        }
        return List.of();
    }

    /** The first expression a locator list ({@code arg:N}, {@code chain:M}, {@code chain:M:N}) finds. */
    static Optional<Expression> locate(Expression call, String locators) {
        for (String locator : locators.trim().split("\\s+")) {
            String[] parts = locator.split(":");
            if (parts[0].equals("arg") && parts.length == 2) {
                List<Expression> args = arguments(call);
                int i = Integer.parseInt(parts[1]);
                if (i < args.size()) {
                    return Optional.of(args.get(i));
                }
            } else if (parts[0].equals("chain") && parts.length >= 2) {
                int i = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
                for (Expression e = call; e instanceof MethodCallExpr c; e = c.getScope().orElse(null)) {
                    if (c.getNameAsString().equals(parts[1]) && i < c.getArguments().size()) {
                        return Optional.of(c.getArgument(i));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<Expression> arguments(Expression call) {
        if (call instanceof MethodCallExpr m) {
            return m.getArguments();
        }
        if (call instanceof ObjectCreationExpr o) {
            return o.getArguments();
        }
        return List.of();
    }

    /** A variable's initializer (local or field of the enclosing types), else the expression itself. */
    static Expression definition(Expression e) {
        if (!(e instanceof NameExpr n)) {
            return e;
        }
        String name = n.getNameAsString();
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            Optional<Expression> init = Optional.empty();
            if (p instanceof com.github.javaparser.ast.body.CallableDeclaration<?> c) {
                init = c.findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(name) && v.getInitializer().isPresent())
                        .flatMap(VariableDeclarator::getInitializer);
            } else if (p instanceof TypeDeclaration<?> t) {
                init = t.getFields().stream().flatMap(f -> f.getVariables().stream())
                        .filter(v -> v.getNameAsString().equals(name) && v.getInitializer().isPresent())
                        .findFirst().flatMap(VariableDeclarator::getInitializer);
            }
            if (init.isPresent()) {
                return init.get();
            }
        }
        return e;
    }

    /** The code a handler runs: a lambda, a referenced method, or a method of a handler object's class. */
    private Optional<Node> handlerBody(CompilationUnit cu, Expression handler, String handlerMethod) {
        if (handler instanceof LambdaExpr l) {
            return Optional.of(l);
        }
        if (handler instanceof MethodReferenceExpr r) {
            Optional<TypeDeclaration<?>> type = r.getScope() instanceof ThisExpr ? Names.enclosingType(r)
                    : r.getScope() instanceof TypeExpr t ? cu.findFirst(TypeDeclaration.class,
                    d -> d.getNameAsString().equals(Names.simple(t.getType().asString()))).map(d -> (TypeDeclaration<?>) d)
                    : Optional.empty();
            return type.flatMap(t -> t.getMethodsByName(r.getIdentifier()).stream().findFirst()).map(m -> m);
        }
        if (handler instanceof ObjectCreationExpr o && !handlerMethod.isEmpty()) {
            String simple = o.getType().getNameAsString();
            return cu.findFirst(TypeDeclaration.class, d -> d.getNameAsString().equals(simple))
                    .flatMap(d -> ((TypeDeclaration<?>) d).getMethodsByName(handlerMethod).stream().findFirst()).map(m -> m);
        }
        return Optional.empty();
    }
}
