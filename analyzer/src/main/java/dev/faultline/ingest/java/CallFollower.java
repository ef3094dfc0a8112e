package dev.faultline.ingest.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Signal;
import dev.faultline.report.FlowStep;
import dev.faultline.report.Location;
import dev.faultline.rules.ModelRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the calls of one tool body into the project's own classes (to {@link #MAX_DEPTH} hops)
 * and records what it reaches: {@code call} signals for API calls a model row knows, {@code url}
 * signals for the literal URL text handed to a URL sink, and credentials read on the way.
 * Receivers are typed by the symbol solver where it resolves, else by {@link Names}. A call on an
 * interface or abstract method is followed into the project's implementations, unless there are more
 * than {@link #MAX_IMPLEMENTATIONS} of them.
 */
final class CallFollower {
    /** How many hops into project methods a tool body is followed. */
    static final int MAX_DEPTH = 4;
    /** An interface with more project implementations than this is not followed into them (too vague to help). */
    static final int MAX_IMPLEMENTATIONS = 8;

    private final SourceIndex index;
    private final Names names;
    private final JavaRows rows;
    private final Map<String, Signal> signals = new LinkedHashMap<>();
    private final Map<String, CredentialRef> credentials = new LinkedHashMap<>();
    private final Set<String> enteredTypes = new HashSet<>();

    /** A body to walk: a method, constructor or lambda, its type and its file. */
    record Target(Node method, TypeDeclaration<?> type, CompilationUnit cu) {

        /** The statements to walk, if the callable has any. */
        Optional<Node> body() {
            if (method instanceof MethodDeclaration m) {
                return m.getBody().map(b -> b);
            }
            if (method instanceof ConstructorDeclaration c) {
                return Optional.of(c.getBody());
            }
            if (method instanceof com.github.javaparser.ast.expr.LambdaExpr l) {
                return Optional.of(l.getBody());
            }
            return Optional.empty();
        }
    }

    private final Map<String, List<Target>> targetCache;
    private final Shared shared;

    /**
     * What the followers of the tools of one framework file share: project methods by call, the
     * configuration files, and the credentials handed to each type's constructor anywhere in the
     * project. Never shared across framework files, so what one file yields does not depend on which
     * files were read before it.
     */
    record Shared(Map<String, List<Target>> targets, ConfigFiles config, Map<String, List<CredentialRef>> clients, ResourceLog log) {
        /** An empty cache, recording the configuration files it reads in {@code log}. */
        static Shared create(ResourceLog log) {
            return new Shared(new java.util.HashMap<>(), new ConfigFiles(log), new java.util.HashMap<>(), log);
        }
    }

    /** The credentials handed to a type's constructors, and the configuration files looked at to find them. */
    private record HandedCredentials(List<CredentialRef> credentials, List<ResourceLog.Read> looked) {
    }

    /** A follower for one tool; {@code shared} is shared by the followers of one scan. */
    CallFollower(SourceIndex index, Names names, JavaRows rows, Shared shared) {
        this.index = index;
        this.names = names;
        this.rows = rows;
        this.targetCache = shared.targets();
        this.shared = shared;
    }

    /** Walks a tool method and everything it reaches. */
    void walkTool(Target tool) {
        walk(tool, List.of(), 0, new HashSet<>());
    }

    /** Signals found, in the order seen. */
    List<Signal> signals() {
        return List.copyOf(signals.values());
    }

    /** Credentials reached, sorted by name. */
    List<CredentialRef> credentials() {
        return credentials.values().stream().sorted(Comparator.comparing(CredentialRef::name)
                .thenComparing(CredentialRef::location)).toList();
    }

    private void walk(Target t, List<FlowStep> chain, int depth, Set<Node> onPath) {
        if (!onPath.add(t.method())) {
            return;
        }
        enterType(t.type(), t.cu());
        Node body = t.body().orElse(null);
        if (body == null) {
            onPath.remove(t.method());
            return;
        }
        useFields(t.type(), t.cu(), body);
        for (Expression call : callsIn(body)) {
            String name = call instanceof MethodCallExpr m ? m.getNameAsString() : "<init>";
            List<String> types = receiverTypes(t.cu(), call);
            if (types.isEmpty()) {
                continue;
            }
            Location loc = locationOf(t.cu(), call);
            List<String> values = types.stream().map(ty -> ty + "#" + name).toList();
            List<FlowStep> here = append(chain, new FlowStep(loc, "calls " + Names.simple(types.get(0)) + "." + name));
            List<Target> next = call instanceof MethodCallExpr m ? targets(types, name, m.getArguments().size()) : List.of();
            if (next.isEmpty()) {
                // a project method with a body speaks for itself; name rows (Repository#find...) are for the rest
                JavaRows.first(rows.calls(), values).ifPresent(m -> add(new Signal("call", m.value(), loc, here)));
            }
            JavaRows.first(rows.credentialSources(), values).ifPresent(m -> credentialFromCall(m.row(), call, loc));
            types.forEach(ty -> clientCredentials(ty).forEach(c -> credentials.putIfAbsent(c.name(), c)));
            urlSignal(call, values, loc, here);
            if (depth < MAX_DEPTH) {
                for (Target target : next) {
                    walk(target, here, depth + 1, onPath);
                }
            }
        }
        onPath.remove(t.method());
    }

    /** The method and constructor calls under a node, in source order. */
    static List<Expression> callsIn(Node node) {
        List<Expression> calls = new ArrayList<>(node.findAll(Expression.class,
                e -> e instanceof MethodCallExpr || e instanceof ObjectCreationExpr));
        calls.sort(Comparator.comparing(CallFollower::position));
        return calls;
    }

    private static com.github.javaparser.Position position(Expression e) {
        Node at = e instanceof MethodCallExpr m ? m.getName() : e;
        return at.getBegin().orElse(com.github.javaparser.Position.HOME);
    }

    /** Where a call is: the method name of a chained call, else the expression's start. */
    static Location locationOf(CompilationUnit cu, Node e) {
        Node at = e instanceof MethodCallExpr m ? m.getName() : e;
        String path = cu.getData(SourceIndex.FILE_KEY).file().path();
        return at.getBegin().map(p -> Location.at(path, p.line, p.column)).orElse(Location.file(path));
    }

    /** Candidate declaring types of a call: the solver's answer first, then the fallback's. */
    List<String> receiverTypes(CompilationUnit cu, Expression call) {
        List<String> out = new ArrayList<>();
        if (call instanceof MethodCallExpr m) {
            List<String> fallback = new ArrayList<>(m.getScope().map(s -> names.typeOf(cu, s))
                    .orElseGet(() -> Names.enclosingType(m).map(ty -> List.of(Names.fqn(cu, ty))).orElse(List.of())));
            // the solver only where it can help: a chain that starts at a project type, whose sources it can read
            if (m.getScope().filter(CallFollower::needsSolver).isPresent() && fallback.stream().anyMatch(index::declares)) {
                solved(m).ifPresent(out::add);
            }
            if (m.getScope().isEmpty()) {
                // a method the class declares shadows a static import; else an explicit static import names the type
                boolean declared = Names.enclosingType(m).filter(t -> !t.getMethodsByName(m.getNameAsString()).isEmpty()).isPresent();
                for (com.github.javaparser.ast.ImportDeclaration imp : cu.getImports()) {
                    if (imp.isStatic() && imp.isAsterisk()) {
                        fallback.add(imp.getNameAsString());
                    } else if (imp.isStatic() && imp.getName().getIdentifier().equals(m.getNameAsString())) {
                        fallback.add(declared ? fallback.size() : 0, imp.getName().getQualifier().map(q -> q.asString()).orElse(""));
                    }
                }
            }
            fallback.stream().filter(f -> !f.isEmpty() && !out.contains(f)).forEach(out::add);
        } else if (call instanceof ObjectCreationExpr o) {
            out.addAll(names.qualify(cu, o.getType()));
        }
        return out;
    }

    /**
     * True when the declared types of names cannot type a receiver: a chain of calls
     * ({@code a.b().c()}), an array element, a conditional. A variable, field, {@code this}, a new
     * object or a type name is typed from its declaration without the (costly) symbol solver.
     */
    private static boolean needsSolver(Expression scope) {
        Expression e = scope;
        while (e instanceof com.github.javaparser.ast.expr.EnclosedExpr en) {
            e = en.getInner();
        }
        return !(e instanceof com.github.javaparser.ast.expr.NameExpr || e instanceof com.github.javaparser.ast.expr.ThisExpr
                || e instanceof ObjectCreationExpr || e instanceof com.github.javaparser.ast.expr.CastExpr
                || e instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                && (f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr || Character.isLowerCase(f.getScope().toString().charAt(0))
                && f.getScope() instanceof com.github.javaparser.ast.expr.FieldAccessExpr));
    }

    private static Optional<String> solved(MethodCallExpr m) {
        try {
            ResolvedMethodDeclaration r = m.resolve();
            return Optional.of(r.declaringType().getQualifiedName());
        } catch (RuntimeException | StackOverflowError | NoClassDefFoundError e) {
            return Optional.empty();
        }
    }

    /** Project methods a call may run: by name, preferring the same arity; implementations of interfaces. */
    List<Target> targets(List<String> types, String name, int arity) {
        for (String type : types) {
            String fqn = projectName(type);
            if (!index.declares(fqn)) {
                continue;
            }
            List<Target> found = targetCache.computeIfAbsent(fqn + "#" + name + "/" + arity, k -> {
                List<Target> out = new ArrayList<>();
                collect(fqn, name, arity, out, 0);
                return List.copyOf(out);
            });
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private String projectName(String fqn) {
        if (index.declares(fqn)) {
            return fqn;
        }
        int last = fqn.lastIndexOf('.');
        int prev = last < 0 ? -1 : fqn.lastIndexOf('.', last - 1);
        if (prev >= 0) {
            String pkgOuter = fqn.substring(0, last);
            int pkgEnd = pkgOuter.lastIndexOf('.');
            String flat = (pkgEnd < 0 ? "" : pkgOuter.substring(0, pkgEnd + 1)) + fqn.substring(last + 1);
            if (index.declares(flat)) {
                return flat;
            }
        }
        return fqn;
    }

    private void collect(String fqn, String name, int arity, List<Target> out, int level) {
        if (level > 2) {
            return;
        }
        boolean abstractOnly = true;
        boolean found = false;
        for (SourceIndex.Entry e : index.filesOf(fqn)) {
            Optional<CompilationUnit> cu = index.declarations(e);
            if (cu.isEmpty()) {
                continue;
            }
            String simple = Names.simple(fqn);
            for (TypeDeclaration<?> type : cu.get().findAll(TypeDeclaration.class, ty -> ty.getNameAsString().equals(simple))) {
                List<MethodDeclaration> methods = type.getMethodsByName(name);
                List<MethodDeclaration> sameArity = methods.stream().filter(m -> m.getParameters().size() == arity).toList();
                for (MethodDeclaration m : sameArity.isEmpty() ? methods : sameArity) {
                    found = true;
                    if (index.completeBody(m)) {
                        abstractOnly = false;
                        out.add(new Target(m, type, cu.get()));
                    }
                }
            }
        }
        if (index.declares(fqn) && !found) {
            for (String sup : supertypes(fqn)) {
                collect(sup, name, arity, out, level + 1);
            }
        }
        List<String> subtypes = index.subtypesOf(Names.simple(fqn));
        if (index.declares(fqn) && (!found || abstractOnly) && subtypes.size() <= MAX_IMPLEMENTATIONS) {
            for (String sub : subtypes) {
                collect(sub, name, arity, out, level + 1);
            }
        }
    }

    /** The project supertypes a type extends, where an inherited method may be declared. */
    private List<String> supertypes(String fqn) {
        List<String> out = new ArrayList<>();
        for (SourceIndex.Entry e : index.filesOf(fqn)) {
            index.declarations(e).ifPresent(cu -> cu.findAll(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class,
                    t -> t.getNameAsString().equals(Names.simple(fqn))).forEach(t -> t.getExtendedTypes()
                    .forEach(sup -> names.qualify(cu, sup).stream().filter(index::declares).forEach(out::add))));
        }
        return out;
    }

    private void add(Signal s) {
        signals.putIfAbsent(s.kind() + "|" + s.value() + "|" + s.location().display(), s);
    }

    private void urlSignal(Expression call, List<String> values, Location loc, List<FlowStep> chain) {
        List<ModelRow> urlSinks = rows.sinks().stream().filter(r -> "url".equals(JavaRows.attr(r, "sink", ""))).toList();
        if (JavaRows.first(urlSinks, values).isEmpty()) {
            return;
        }
        List<Expression> args = call instanceof MethodCallExpr m ? m.getArguments() : ((ObjectCreationExpr) call).getArguments();
        if (args.isEmpty()) {
            return;
        }
        String text = Literals.literalText(args.get(0));
        if (!text.isEmpty() && JavaRows.first(rows.urls(), List.of(text)).isPresent()) {
            add(new Signal("url", text, loc, chain));
        }
    }

    private void credentialFromCall(ModelRow row, Expression call, Location loc) {
        credentialOfCall(row, call, loc).ifPresent(c -> credentials.putIfAbsent(c.name(), c));
    }

    private Optional<CredentialRef> credentialOfCall(ModelRow row, Expression call, Location loc) {
        List<Expression> args = call instanceof MethodCallExpr m ? m.getArguments() : List.of();
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String name = Literals.literalText(args.get(0));
        if (!name.isEmpty() && rows.isCredentialName(name)) {
            return Optional.of(new CredentialRef(name, JavaRows.attr(row, "kind", "env"), List.of(), loc, false));
        }
        return Optional.empty();
    }

    /**
     * Credentials handed to a type's constructor anywhere in the project ({@code new Client(System.getenv("X"))},
     * {@code new Client(token)} with {@code token} injected by {@code @Value}): an object of that type carries them.
     * Only files that read a credential and construct a type of that simple name are parsed for this.
     */
    List<CredentialRef> clientCredentials(String type) {
        List<CredentialRef> known = shared.clients().get(type);
        if (known != null) {
            return known;
        }
        // the same for every framework file of the scan: found once, by a follower that shares nothing with this one
        HandedCredentials handed = index.computeOnce("client-credentials\0" + type, () -> {
            ResourceLog looked = new ResourceLog();
            List<CredentialRef> found = new CallFollower(index, names, rows, Shared.create(looked)).handedToConstructors(type);
            return new HandedCredentials(found, looked.reads());
        });
        handed.looked().forEach(shared.log()::add);
        shared.clients().put(type, handed.credentials());
        return handed.credentials();
    }

    private List<CredentialRef> handedToConstructors(String type) {
        Map<String, CredentialRef> out = new java.util.TreeMap<>();
        String simple = Names.simple(type);
        for (SourceIndex.Entry e : index.filesConstructing(simple)) {
            Optional<CompilationUnit> cu = index.declarations(e);
            if (cu.isEmpty()) {
                continue;
            }
            index.completeBodiesMentioning(cu.get(), List.of(simple));
            for (ObjectCreationExpr o : cu.get().findAll(ObjectCreationExpr.class,
                    o -> o.getType().getNameAsString().equals(simple) && names.qualify(cu.get(), o.getType()).contains(type))) {
                for (Expression arg : o.getArguments()) {
                    valueCredentials(cu.get(), arg, 0).forEach(c -> out.putIfAbsent(c.name(), c));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** The credentials an expression's value comes from: a credential read in it, or a variable that holds one. */
    private List<CredentialRef> valueCredentials(CompilationUnit cu, Expression value, int depth) {
        List<CredentialRef> out = new ArrayList<>();
        if (depth > 3) {
            return out;
        }
        if (value instanceof com.github.javaparser.ast.expr.EnclosedExpr en) {
            return valueCredentials(cu, en.getInner(), depth + 1);
        }
        if (value instanceof com.github.javaparser.ast.expr.BinaryExpr b) {
            out.addAll(valueCredentials(cu, b.getLeft(), depth + 1));
            out.addAll(valueCredentials(cu, b.getRight(), depth + 1));
            return out;
        }
        if (value instanceof MethodCallExpr call) {
            // the value itself is read from a credential source, or a call wraps one (requireNonNull(getenv(...)));
            // an object built from a credential (new Client(token)) carries it as that object's type, not as a value
            List<String> values = receiverTypes(cu, call).stream().map(ty -> ty + "#" + call.getNameAsString()).toList();
            Optional<JavaRows.Match> source = JavaRows.first(rows.credentialSources(), values);
            if (source.isPresent()) {
                credentialOfCall(source.get().row(), call, locationOf(cu, call)).ifPresent(out::add);
            } else {
                call.getArguments().forEach(a -> out.addAll(valueCredentials(cu, a, depth + 1)));
            }
            return out;
        }
        if (value instanceof ObjectCreationExpr) {
            return out;
        }
        String variable = value instanceof com.github.javaparser.ast.expr.NameExpr n ? n.getNameAsString()
                : value instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                && f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr ? f.getNameAsString() : "";
        if (variable.isEmpty()) {
            return out;
        }
        for (Node p = value.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof com.github.javaparser.ast.body.CallableDeclaration<?> c && !(value instanceof com.github.javaparser.ast.expr.FieldAccessExpr)) {
                for (Parameter param : c.getParameters()) {
                    if (param.getNameAsString().equals(variable)) {
                        annotationCredential(cu, param).ifPresent(out::add);
                        return out;
                    }
                }
                Optional<com.github.javaparser.ast.body.VariableDeclarator> local = c.findFirst(
                        com.github.javaparser.ast.body.VariableDeclarator.class, v -> v.getNameAsString().equals(variable));
                if (local.isPresent()) {
                    local.get().getInitializer().ifPresent(i -> out.addAll(valueCredentials(cu, i, depth + 1)));
                    return out;
                }
            } else if (p instanceof TypeDeclaration<?> t) {
                for (FieldDeclaration f : t.getFields()) {
                    for (com.github.javaparser.ast.body.VariableDeclarator v : f.getVariables()) {
                        if (v.getNameAsString().equals(variable)) {
                            annotationCredential(cu, f).ifPresent(out::add);
                            v.getInitializer().ifPresent(i -> out.addAll(valueCredentials(cu, i, depth + 1)));
                            index.completeBodiesMentioning(t, List.of(variable));
                            for (com.github.javaparser.ast.expr.AssignExpr a : t.findAll(com.github.javaparser.ast.expr.AssignExpr.class,
                                    a -> a.getTarget().toString().equals(variable) || a.getTarget().toString().equals("this." + variable))) {
                                if (Names.enclosingType(a).filter(e -> e == t).isPresent()) {
                                    out.addAll(valueCredentials(cu, a.getValue(), depth + 1));
                                }
                            }
                            return out;
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * A class the tool reaches: credentials handed to its constructor by the project, and credentials its
     * constructors read without keeping them in a field of their own (a static setting, a call to
     * {@code super}), count as reached. A credential kept in a field counts only where the code
     * walked uses that field (see {@link #fieldCredentials}).
     */
    private void enterType(TypeDeclaration<?> type, CompilationUnit cu) {
        if (!enteredTypes.add(Names.fqn(cu, type))) {
            return;
        }
        clientCredentials(Names.fqn(cu, type)).forEach(c -> credentials.putIfAbsent(c.name(), c));
        Set<String> fields = fieldNames(type);
        for (ConstructorDeclaration c : type.getConstructors()) {
            Set<Node> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            c.getBody().findAll(com.github.javaparser.ast.expr.AssignExpr.class, a -> fields.contains(assigned(a)))
                    .forEach(a -> kept.add(a.getValue()));
            for (Expression call : callsIn(c.getBody())) {
                if (kept.stream().noneMatch(k -> k == call || call.isDescendantOf(k))) {
                    credentialsRead(cu, call).forEach(cr -> credentials.putIfAbsent(cr.name(), cr));
                }
            }
            for (Parameter p : c.getParameters()) {
                boolean keptInField = kept.stream().anyMatch(k -> k.findFirst(com.github.javaparser.ast.expr.NameExpr.class,
                        n -> n.getNameAsString().equals(p.getNameAsString())).isPresent()
                        || k instanceof com.github.javaparser.ast.expr.NameExpr n && n.getNameAsString().equals(p.getNameAsString()));
                if (!keptInField) {
                    annotationCredentials(cu, p);
                }
            }
        }
    }

    /** Credits the credentials held by the fields of {@code type} that {@code body} uses. */
    private void useFields(TypeDeclaration<?> type, CompilationUnit cu, Node body) {
        Map<String, List<CredentialRef>> held = fieldCredentials(type, cu);
        if (held.isEmpty()) {
            return;
        }
        for (Expression e : body.findAll(Expression.class, x -> x instanceof com.github.javaparser.ast.expr.NameExpr
                || x instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
            String name = e instanceof com.github.javaparser.ast.expr.NameExpr n ? n.getNameAsString()
                    : ((com.github.javaparser.ast.expr.FieldAccessExpr) e).getNameAsString();
            held.getOrDefault(name, List.of()).forEach(c -> credentials.putIfAbsent(c.name(), c));
        }
    }

    /**
     * The credentials each field of a type holds: injected into it ({@code @Value} on the field), read in
     * its initializer ({@code new Client(System.getenv("X"))}), or assigned to it from a credential read or
     * an injected constructor parameter ({@code this.client = builder.defaultHeader("Bearer " + token)}).
     */
    private Map<String, List<CredentialRef>> fieldCredentials(TypeDeclaration<?> type, CompilationUnit cu) {
        Map<String, List<CredentialRef>> cached = fieldMemo.get(type);
        if (cached != null) {
            return cached;
        }
        Map<String, List<CredentialRef>> out = new java.util.TreeMap<>();
        for (FieldDeclaration f : type.getFields()) {
            for (com.github.javaparser.ast.body.VariableDeclarator v : f.getVariables()) {
                List<CredentialRef> held = new ArrayList<>();
                annotationCredential(cu, f).ifPresent(held::add);
                v.getInitializer().ifPresent(i -> callsIn(i).forEach(call -> held.addAll(credentialsRead(cu, call))));
                if (!held.isEmpty()) {
                    out.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).addAll(held);
                }
            }
        }
        Set<String> fields = fieldNames(type);
        index.completeBodiesMentioning(type, fields);
        for (com.github.javaparser.ast.expr.AssignExpr a : type.findAll(com.github.javaparser.ast.expr.AssignExpr.class,
                a -> fields.contains(assigned(a)) && Names.enclosingType(a).filter(t -> t == type).isPresent())) {
            List<CredentialRef> held = new ArrayList<>();
            callsIn(a.getValue()).forEach(call -> held.addAll(credentialsRead(cu, call)));
            Optional<com.github.javaparser.ast.body.CallableDeclaration> callable = a.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class);
            List<com.github.javaparser.ast.expr.NameExpr> used = new ArrayList<>(a.getValue().findAll(com.github.javaparser.ast.expr.NameExpr.class));
            if (a.getValue() instanceof com.github.javaparser.ast.expr.NameExpr n) {
                used.add(n);
            }
            for (com.github.javaparser.ast.expr.NameExpr n : used) {
                callable.ifPresent(c -> ((com.github.javaparser.ast.body.CallableDeclaration<?>) c).getParameters().stream()
                        .filter(p -> p.getNameAsString().equals(n.getNameAsString()))
                        .forEach(p -> annotationCredential(cu, p).ifPresent(held::add)));
            }
            if (!held.isEmpty()) {
                out.computeIfAbsent(assigned(a), k -> new ArrayList<>()).addAll(held);
            }
        }
        fieldMemo.put(type, out);
        return out;
    }

    private final Map<TypeDeclaration<?>, Map<String, List<CredentialRef>>> fieldMemo = new java.util.IdentityHashMap<>();

    private static Set<String> fieldNames(TypeDeclaration<?> type) {
        Set<String> out = new HashSet<>();
        type.getFields().forEach(f -> f.getVariables().forEach(v -> out.add(v.getNameAsString())));
        return out;
    }

    /** The field an assignment writes ({@code x = ...} or {@code this.x = ...}), else {@code ""}. */
    private static String assigned(com.github.javaparser.ast.expr.AssignExpr a) {
        if (a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr n) {
            return n.getNameAsString();
        }
        if (a.getTarget() instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr) {
            return f.getNameAsString();
        }
        return "";
    }

    /** The credential a call reads, if a credential-source row knows it. */
    private List<CredentialRef> credentialsRead(CompilationUnit cu, Expression call) {
        String name = call instanceof MethodCallExpr m ? m.getNameAsString() : "<init>";
        List<String> values = receiverTypes(cu, call).stream().map(ty -> ty + "#" + name).toList();
        return JavaRows.first(rows.credentialSources(), values)
                .flatMap(m -> credentialOfCall(m.row(), call, locationOf(cu, call))).stream().toList();
    }

    private void annotationCredentials(CompilationUnit cu, NodeWithAnnotations<?> annotated) {
        annotationCredential(cu, annotated).ifPresent(c -> credentials.putIfAbsent(c.name(), c));
    }

    /**
     * The configuration key a credential annotation injects ({@code @Value("${billing.token}")}), located
     * where the key is written in {@code application.properties}/{@code .yml} when it is found there,
     * else at the annotation. The value is never read into the model, only whether it is written inline.
     */
    private Optional<CredentialRef> annotationCredential(CompilationUnit cu, NodeWithAnnotations<?> annotated) {
        for (AnnotationExpr a : annotated.getAnnotations()) {
            List<String> fqns = names.qualify(cu, a.getNameAsString());
            Optional<JavaRows.Match> match = JavaRows.first(rows.credentialAnnotations(), fqns);
            if (match.isEmpty()) {
                continue;
            }
            String raw = Literals.attribute(a, JavaRows.attr(match.get().row(), "name-attribute", "value"))
                    .map(Literals::literalText).orElse("");
            String name = raw.replaceAll("^\\$\\{", "").replaceAll("}$", "").replaceAll(":.*$", "").trim();
            if (!name.isEmpty() && rows.isCredentialName(name)) {
                Optional<ConfigFiles.Key> key = shared.config().find(cu.getData(SourceIndex.FILE_KEY), name);
                return Optional.of(new CredentialRef(name, JavaRows.attr(match.get().row(), "kind", "config"), List.of(),
                        key.map(ConfigFiles.Key::location).orElse(locationOf(cu, a)),
                        key.map(ConfigFiles.Key::inlineValue).orElse(false)));
            }
        }
        return Optional.empty();
    }

    private static List<FlowStep> append(List<FlowStep> chain, FlowStep step) {
        List<FlowStep> out = new ArrayList<>(chain);
        out.add(step);
        return List.copyOf(out);
    }
}
