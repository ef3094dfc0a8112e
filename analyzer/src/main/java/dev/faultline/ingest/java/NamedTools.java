package dev.faultline.ingest.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.AgentDecl;
import dev.faultline.report.Location;
import dev.faultline.rules.ModelRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tools and agents named by value in a registration: {@code java-tool-by-name} rows (Google ADK's
 * {@code FunctionTool.create(X.class, "method")} makes that one method a tool, renamed by its
 * {@code @Schema} if it has one) and {@code java-agent-calls} rows (ADK {@code subAgents(...)}: each
 * argument is an agent, named by its own builder chain, followed through variables and the project
 * methods that return it). A name that is not a constant, or a class or agent the scanned sources do
 * not hold, is reported as not enumerable rather than guessed.
 */
final class NamedTools {
    private static final int MAX_RETURN_DEPTH = 3;

    private final SourceIndex index;
    private final Names names;
    private final JavaRows rows;
    private final ModelBuilder model;

    NamedTools(SourceIndex index, Names names, JavaRows rows, ModelBuilder model) {
        this.index = index;
        this.names = names;
        this.rows = rows;
        this.model = model;
    }

    /** True when the call is a by-name tool registration. */
    boolean isRegistration(CompilationUnit cu, MethodCallExpr call) {
        return row(cu, call).isPresent();
    }

    private Optional<ModelRow> row(CompilationUnit cu, MethodCallExpr call) {
        if (!JavaRows.mayMatchMethod(rows.toolsByName(), call.getNameAsString())) {
            return Optional.empty();
        }
        return JavaRows.first(rows.toolsByName(), JavaSourceIngester.values(cu, call, names)).map(JavaRows.Match::row);
    }

    /** The tools named by the by-name registrations of one file; a method already seen is not repeated. */
    List<ToolDecl> toolsIn(CompilationUnit cu, Set<Node> seen) {
        List<ToolDecl> out = new ArrayList<>();
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            Optional<ModelRow> row = row(cu, call);
            if (row.isEmpty()) {
                continue;
            }
            for (MethodDeclaration m : methods(cu, call)) {
                if (!seen.add(m)) {
                    continue;
                }
                CompilationUnit mcu = m.findCompilationUnit().orElse(cu);
                Optional<TypeDeclaration<?>> type = Names.enclosingType(m);
                if (type.isEmpty()) {
                    continue;
                }
                Optional<AnnotationExpr> renamed = nameAnnotation(mcu, m, row.get());
                String name = renamed.map(a -> JavaSourceIngester.text(a, JavaRows.attr(row.get(), "name-attribute", "name")))
                        .filter(n -> !n.isEmpty()).orElse(m.getNameAsString());
                String description = renamed.map(a -> JavaSourceIngester.text(a,
                        JavaRows.attr(row.get(), "description-attribute", "description"))).orElse("");
                out.add(new ToolDecl(type.get().getNameAsString(), name, JavaRows.framework(row.get()), description,
                        CallFollower.locationOf(mcu, m.getName()), JavaSourceIngester.parameters(mcu, m, row.get(), names), m,
                        ArgumentFlow.parameterSources(m, mcu), type.get(), mcu, m, JavaRows.servedByMcpServer(row.get()), List.of()));
            }
        }
        return out;
    }

    private Optional<AnnotationExpr> nameAnnotation(CompilationUnit cu, MethodDeclaration m, ModelRow row) {
        String wanted = JavaRows.attr(row, "name-annotation", "");
        return m.getAnnotations().stream()
                .filter(a -> names.qualify(cu, a.getNameAsString()).stream().anyMatch(q -> q.equalsIgnoreCase(wanted)))
                .findFirst();
    }

    /** The project methods a by-name registration names; empty, with a notification, when they cannot be known. */
    List<MethodDeclaration> methods(CompilationUnit cu, MethodCallExpr call) {
        Optional<ModelRow> row = row(cu, call);
        if (row.isEmpty()) {
            return List.of();
        }
        Location loc = CallFollower.locationOf(cu, call);
        Optional<Expression> owner = ToolSpecs.locate(call, JavaRows.attr(row.get(), "owner", "arg:0"));
        String method = ToolSpecs.locate(call, JavaRows.attr(row.get(), "method", "arg:1")).map(ToolSpecs::definition)
                .map(Literals::literalText).orElse("");
        List<String> types = owner.map(o -> JavaSourceIngester.argumentTypes(cu, o, names)).orElse(List.of()).stream()
                .filter(index::declares).toList();
        if (method.isEmpty() || types.isEmpty()) {
            model.notify("warning", "tools-not-enumerable", "the tool registered by '" + call + "' is not enumerable: "
                    + (method.isEmpty() ? "its method name is not a constant" : "its class is not declared in the scanned sources"), loc);
            return List.of();
        }
        List<MethodDeclaration> out = new ArrayList<>();
        for (String type : types) {
            for (SourceIndex.Entry e : index.filesOf(type)) {
                index.parse(e).ifPresent(tcu -> tcu.findAll(TypeDeclaration.class, t -> t.getNameAsString().equals(Names.simple(type)))
                        .forEach(t -> out.addAll(((TypeDeclaration<?>) t).getMethodsByName(method))));
            }
        }
        if (out.isEmpty()) {
            model.notify("warning", "tools-not-enumerable", "the tool registered by '" + call + "' names method " + method
                    + ", which " + Names.simple(types.get(0)) + " does not declare", loc);
        }
        return out;
    }

    /** Declares the agent-to-agent calls ({@code java-agent-calls} rows) of one file. */
    void agentCallsIn(CompilationUnit cu) {
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class, c -> JavaRows.mayMatchMethod(rows.agentCalls(), c.getNameAsString()))) {
            Optional<JavaRows.Match> match = JavaRows.first(rows.agentCalls(), JavaSourceIngester.values(cu, call, names));
            if (match.isEmpty()) {
                continue;
            }
            ModelRow row = match.get().row();
            String agent = JavaSourceIngester.agentName(call, row);
            Location loc = CallFollower.locationOf(cu, call);
            String framework = JavaRows.framework(row);
            List<String> callees = new ArrayList<>();
            for (Expression arg : call.getArguments()) {
                Optional<Named> callee = agentOf(cu, arg, JavaRows.attr(row, "callee-name", "chain-string:name"), 0);
                if (callee.isEmpty()) {
                    model.notify("warning", "agents-not-enumerable", "agent " + agent + " calls '" + arg
                            + "', whose name cannot be known statically", loc);
                    continue;
                }
                callees.add(callee.get().name());
                model.addAgent(new AgentDecl(callee.get().name(), "", callee.get().location(), List.of(), List.of(), List.of(), "", framework));
            }
            model.addAgent(new AgentDecl(agent, "", loc, List.of(), List.of(), callees.stream().distinct().sorted().toList(), "", framework));
        }
    }

    private record Named(String name, Location location) {
    }

    /** The agent an expression stands for: a builder chain with a constant name, through variables and returning methods. */
    private Optional<Named> agentOf(CompilationUnit cu, Expression e, String how, int depth) {
        Expression def = ToolSpecs.definition(e);
        if (!(def instanceof MethodCallExpr call) || depth > MAX_RETURN_DEPTH) {
            return Optional.empty();
        }
        String method = how.startsWith("chain-string:") ? how.substring("chain-string:".length()) : "name";
        for (Expression x = call; x instanceof MethodCallExpr c; x = c.getScope().orElse(null)) {
            if (c.getNameAsString().equals(method) && !c.getArguments().isEmpty()) {
                String text = Literals.literalText(c.getArgument(0));
                return text.isEmpty() ? Optional.empty() : Optional.of(new Named(text, CallFollower.locationOf(cu, c)));
            }
        }
        List<String> owners = call.getScope().map(s -> names.typeOf(cu, s))
                .orElseGet(() -> Names.enclosingType(call).map(t -> List.of(Names.fqn(cu, t))).orElse(List.of()));
        for (String owner : owners) {
            for (SourceIndex.Entry entry : index.filesOf(owner)) {
                Optional<CompilationUnit> ocu = index.parse(entry);
                if (ocu.isEmpty()) {
                    continue;
                }
                for (TypeDeclaration<?> t : ocu.get().findAll(TypeDeclaration.class, t -> t.getNameAsString().equals(Names.simple(owner)))
                        .stream().map(t -> (TypeDeclaration<?>) t).toList()) {
                    for (MethodDeclaration m : t.getMethodsByName(call.getNameAsString())) {
                        for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
                            Optional<Named> found = r.getExpression().flatMap(x -> agentOf(ocu.get(), x, how, depth + 1));
                            if (found.isPresent()) {
                                return found;
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
