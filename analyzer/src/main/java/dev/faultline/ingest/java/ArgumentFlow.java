package dev.faultline.ingest.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.faultline.model.Signal;
import dev.faultline.report.FlowStep;
import dev.faultline.report.Location;
import dev.faultline.rules.ModelRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds tool parameters that reach an argument sink ({@code argument-sink} rows: SQL, command,
 * path, URL) inside the tool method itself, and records each as an {@code argument-flow} signal
 * {@code <sink>:<param>}.
 *
 * <p>Limits, on purpose: intra-procedural (a parameter passed to a helper that builds the SQL is not
 * followed); local variables are tracked through declarations and assignments in source order, not
 * through branches, fields or collections; a parameter counts as checked, and is dropped, when it
 * appears in an {@code if}/{@code while}/{@code assert}/ternary condition or is passed to a method
 * whose name says it validates ({@code validate}, {@code sanitize}, {@code check}, {@code escape},
 * {@code quote}, {@code require}, {@code verify}, {@code allow}), and so does a local variable
 * built from it that is tested that way (resolve, normalize, then {@code startsWith} check); numeric, boolean and other
 * non-text parameters cannot inject and are ignored.
 */
final class ArgumentFlow {
    private static final Pattern CHECK = Pattern.compile("(?i)^(is)?(valid|sanitiz|sanitis|check|escape|quote|require|verify|allow|whitelist|assert)");
    private static final Set<String> TEXT_TYPES = Set.of("String", "CharSequence", "Object", "List", "Collection", "Set",
            "Map", "Path", "URI", "URL", "File");
    private static final Pattern HOST_PREFIX = Pattern.compile("^([a-zA-Z][\\w+.-]*:)?(//)?[^/?#]*$");

    private final CallFollower follower;
    private final JavaRows rows;

    private record Origin(String param, List<FlowStep> steps, boolean host, boolean map) {
    }

    ArgumentFlow(CallFollower follower, JavaRows rows) {
        this.follower = follower;
        this.rows = rows;
    }

    /**
     * Where model-chosen values enter a tool body: a parameter ({@code map} false) or a map of
     * arguments ({@code map} true: {@code args.get("path")} is the argument {@code path}).
     */
    record Source(String name, Location location, boolean map) {
    }

    /** The text-typed parameters of a tool method, the values a model chooses. */
    static List<Source> parameterSources(MethodDeclaration tool, CompilationUnit cu) {
        List<Source> out = new ArrayList<>();
        for (Parameter p : tool.getParameters()) {
            String type = p.getType().isClassOrInterfaceType()
                    ? p.getType().asClassOrInterfaceType().getNameAsString() : p.getType().asString().replace("[]", "");
            if (TEXT_TYPES.contains(type) || p.getType().isArrayType() && type.equals("String")) {
                out.add(new Source(p.getNameAsString(), CallFollower.locationOf(cu, p), false));
            }
        }
        return out;
    }

    /** The argument-flow signals of one tool body, one per sink and parameter. */
    List<Signal> flows(List<Source> sources, Node body, CompilationUnit cu) {
        Set<String> checked = checkedNames(body);
        Map<String, Origin> tainted = new LinkedHashMap<>();
        for (Source s : sources) {
            if (!checked.contains(s.name())) {
                String what = s.map() ? "the arguments in " + s.name() + " are" : "parameter " + s.name() + " is";
                tainted.put(s.name(), new Origin(s.name(), List.of(new FlowStep(s.location(), what + " chosen by the model")),
                        true, s.map()));
            }
        }
        if (tainted.isEmpty()) {
            return List.of();
        }
        List<Node> events = new ArrayList<>();
        events.addAll(body.findAll(VariableDeclarator.class));
        events.addAll(body.findAll(AssignExpr.class));
        events.addAll(CallFollower.callsIn(body));
        events.sort(Comparator.comparing(n -> n.getBegin().orElse(com.github.javaparser.Position.HOME)));
        Map<String, Signal> out = new LinkedHashMap<>();
        for (Node n : events) {
            if (n instanceof VariableDeclarator v && v.getInitializer().isPresent()) {
                propagate(cu, v.getNameAsString(), v.getInitializer().get(), v, tainted, checked);
            } else if (n instanceof AssignExpr a && a.getTarget() instanceof NameExpr target) {
                propagate(cu, target.getNameAsString(), a.getValue(), a, tainted, checked);
            } else if (n instanceof Expression call) {
                sink(cu, call, tainted, out);
            }
        }
        return List.copyOf(out.values());
    }

    private void propagate(CompilationUnit cu, String name, Expression value, Node at, Map<String, Origin> tainted,
                           Set<String> checked) {
        Optional<Origin> from = checked.contains(name) ? Optional.empty() : originOf(value, tainted);
        if (from.isPresent()) {
            List<FlowStep> steps = new ArrayList<>(from.get().steps());
            steps.add(new FlowStep(CallFollower.locationOf(cu, at), "flows into " + name));
            tainted.put(name, new Origin(from.get().param(), List.copyOf(steps), hostTainted(value, tainted), from.get().map()));
        } else {
            tainted.remove(name);
        }
    }

    private void sink(CompilationUnit cu, Expression call, Map<String, Origin> tainted, Map<String, Signal> out) {
        String method = call instanceof MethodCallExpr m ? m.getNameAsString() : "<init>";
        List<String> values = follower.receiverTypes(cu, call).stream().map(t -> t + "#" + method).toList();
        Optional<JavaRows.Match> match = JavaRows.first(rows.sinks(), values);
        if (match.isEmpty()) {
            return;
        }
        ModelRow row = match.get().row();
        String sink = JavaRows.attr(row, "sink", "unknown");
        boolean hostOnly = Boolean.parseBoolean(JavaRows.attr(row, "host-only", "false"));
        String which = JavaRows.attr(row, "argument", "any");
        List<Expression> args = call instanceof MethodCallExpr m ? m.getArguments() : ((ObjectCreationExpr) call).getArguments();
        List<Expression> dangerous = new ArrayList<>();
        if (which.equals("any")) {
            dangerous.addAll(args);
        } else {
            int i = Integer.parseInt(which);
            if (i < args.size()) {
                dangerous.add(args.get(i));
            }
        }
        Location loc = CallFollower.locationOf(cu, call);
        for (Expression arg : dangerous) {
            Optional<Origin> origin = originOf(arg, tainted);
            if (origin.isEmpty() || hostOnly && !hostTainted(arg, tainted)) {
                continue;
            }
            List<FlowStep> steps = new ArrayList<>(origin.get().steps());
            String api = match.get().value();
            String shown = Names.simple(api.substring(0, api.indexOf('#'))) + "." + api.substring(api.indexOf('#') + 1);
            steps.add(new FlowStep(loc, "reaches " + shown + " as " + sink
                    + (hostOnly ? " (scheme or host)" : "")));
            String key = sink + ":" + origin.get().param();
            out.putIfAbsent(key, new Signal("argument-flow", key, loc, steps));
        }
    }

    /** The first tainted name an expression is built from, not counting arguments of check methods. */
    private Optional<Origin> originOf(Expression e, Map<String, Origin> tainted) {
        if (e instanceof NameExpr n) {
            return Optional.ofNullable(tainted.get(n.getNameAsString()));
        }
        if (e instanceof MethodCallExpr m && CHECK.matcher(m.getNameAsString()).find()) {
            return Optional.empty();
        }
        if (e instanceof MethodCallExpr m && (m.getNameAsString().equals("get") || m.getNameAsString().equals("getOrDefault"))
                && !m.getArguments().isEmpty() && m.getArgument(0) instanceof StringLiteralExpr key) {
            Optional<Origin> map = m.getScope().flatMap(s -> chainRoot(s)).map(n -> tainted.get(n.getNameAsString()))
                    .filter(Origin::map);
            if (map.isPresent()) {
                List<FlowStep> steps = new ArrayList<>(map.get().steps());
                steps.add(new FlowStep(CallFollower.locationOf(m.findCompilationUnit().orElseThrow(), m),
                        "argument " + key.asString() + " is read"));
                return Optional.of(new Origin(key.asString(), List.copyOf(steps), true, false));
            }
        }
        for (Node child : e.getChildNodes()) {
            if (child instanceof Expression ce) {
                Optional<Origin> o = originOf(ce, tainted);
                if (o.isPresent()) {
                    return o;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * True when a tainted part can choose a URL's scheme or host: it is the whole value, or the
     * literal text before it has no path yet ({@code "https://" + host + "/x"}).
     */
    private boolean hostTainted(Expression e, Map<String, Origin> tainted) {
        if (e instanceof EnclosedExpr en) {
            return hostTainted(en.getInner(), tainted);
        }
        if (e instanceof NameExpr n) {
            Origin o = tainted.get(n.getNameAsString());
            return o != null && o.host();
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            List<Expression> parts = new ArrayList<>();
            flatten(b, parts);
            StringBuilder prefix = new StringBuilder();
            for (Expression part : parts) {
                if (part instanceof StringLiteralExpr s) {
                    prefix.append(s.asString());
                } else if (originOf(part, tainted).isPresent()) {
                    return HOST_PREFIX.matcher(prefix).matches() && (!(part instanceof NameExpr) || hostTainted(part, tainted));
                } else {
                    return false;
                }
            }
            return false;
        }
        if (e instanceof MethodCallExpr || e instanceof ObjectCreationExpr) {
            // a URL built by a URL sink (URI.create("https://fixed/" + id)) keeps the host of its first argument
            List<Expression> args = e instanceof MethodCallExpr m ? m.getArguments() : ((ObjectCreationExpr) e).getArguments();
            if (!args.isEmpty() && e.findCompilationUnit().filter(cu -> isUrlSink(cu, e)).isPresent()) {
                return hostTainted(args.get(0), tainted);
            }
            return originOf(e, tainted).isPresent();
        }
        return originOf(e, tainted).isPresent();
    }

    private boolean isUrlSink(CompilationUnit cu, Expression call) {
        String method = call instanceof MethodCallExpr m ? m.getNameAsString() : "<init>";
        List<String> values = follower.receiverTypes(cu, call).stream().map(t -> t + "#" + method).toList();
        return JavaRows.first(rows.sinks(), values).filter(m -> "url".equals(JavaRows.attr(m.row(), "sink", ""))).isPresent();
    }

    /** {@code request} of {@code request.arguments()}: the name a chain of calls starts from. */
    private static Optional<NameExpr> chainRoot(Expression e) {
        if (e instanceof NameExpr n) {
            return Optional.of(n);
        }
        if (e instanceof MethodCallExpr m && m.getScope().isPresent()) {
            return chainRoot(m.getScope().get());
        }
        if (e instanceof EnclosedExpr en) {
            return chainRoot(en.getInner());
        }
        if (e instanceof com.github.javaparser.ast.expr.CastExpr c) {
            return chainRoot(c.getExpression());
        }
        return Optional.empty();
    }

    private static void flatten(Expression e, List<Expression> parts) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            flatten(b.getLeft(), parts);
            flatten(b.getRight(), parts);
        } else {
            parts.add(e);
        }
    }

    /** {@code x == null}, {@code x.isBlank()}, {@code x.isEmpty()}, {@code x.length()} test presence, not content. */
    private static boolean isPresenceTest(NameExpr n) {
        Node parent = n.getParentNode().orElse(null);
        if (parent instanceof BinaryExpr b) {
            return b.getLeft() instanceof com.github.javaparser.ast.expr.NullLiteralExpr
                    || b.getRight() instanceof com.github.javaparser.ast.expr.NullLiteralExpr;
        }
        if (parent instanceof MethodCallExpr m && m.getScope().filter(s -> s == n).isPresent()) {
            return Set.of("isBlank", "isEmpty", "length", "size").contains(m.getNameAsString());
        }
        return false;
    }

    private static Set<String> checkedNames(Node body) {
        Set<String> names = new java.util.HashSet<>();
        List<Expression> conditions = new ArrayList<>();
        body.findAll(IfStmt.class).forEach(s -> conditions.add(s.getCondition()));
        body.findAll(WhileStmt.class).forEach(s -> conditions.add(s.getCondition()));
        body.findAll(DoStmt.class).forEach(s -> conditions.add(s.getCondition()));
        body.findAll(AssertStmt.class).forEach(s -> conditions.add(s.getCheck()));
        body.findAll(ConditionalExpr.class).forEach(s -> conditions.add(s.getCondition()));
        body.findAll(MethodCallExpr.class, m -> CHECK.matcher(m.getNameAsString()).find()).forEach(conditions::add);
        for (Expression c : conditions) {
            c.findAll(NameExpr.class).stream().filter(n -> !isPresenceTest(n)).forEach(n -> names.add(n.getNameAsString()));
        }
        return names;
    }
}
