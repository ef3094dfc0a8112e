package dev.faultline.diff;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import dev.faultline.rules.ModelRow;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The members of one Java source, each with a stable key, its line range, its code with comments
 * and prompt text left out, and its prompt text on its own, so that a change to a {@code @SystemMessage}
 * string and a change to a {@code @Tool} body can be told apart. Nothing is resolved or compiled.
 */
public final class JavaMembers {

    /**
     * One member: {@code key} is {@code Type#method(ParamTypes)}, {@code Type#field} or {@code Type}
     * (the type's header); {@code code} excludes comments and prompt text; {@code prompts} is the
     * prompt text it carries; {@code toolRule} names the tool annotation row it carries; {@code promptRule}
     * says where its prompt comes from: a prompt annotation row and the annotation as written
     * ({@code java-prompt-langchain4j-system @SystemMessage}), or {@code prompt passed in code};
     * {@code calls} the names of the methods it calls on its own class (unqualified or {@code this.}).
     */
    public record Member(String key, int beginLine, int endLine, String code, String prompts,
                         Optional<String> toolRule, Optional<String> promptRule, Set<String> calls) {

        public Member {
            calls = Set.copyOf(calls);
        }

        /** The type part of the key ({@code Outer.Inner}). */
        public String type() {
            return key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
        }

        /** The method name of a method key, or empty. */
        public Optional<String> methodName() {
            int hash = key.indexOf('#');
            int paren = key.indexOf('(');
            return hash >= 0 && paren > hash ? Optional.of(key.substring(hash + 1, paren)) : Optional.empty();
        }

        /** True when {@code line} falls inside this member. */
        public boolean contains(int line) {
            return line >= beginLine && line <= endLine;
        }
    }

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(new DefaultPrinterConfiguration()
            .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS))
            .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_JAVADOC)));

    private JavaMembers() {
    }

    /**
     * The members of {@code source} by key, or empty when it does not parse. {@code promptLines} are
     * the lines where the pipeline found prompt text passed in code (not through an annotation).
     */
    public static Optional<Map<String, Member>> read(String source, PlaneRules rules, Set<Integer> promptLines) {
        JavaParser parser = new JavaParser(dev.faultline.ingest.java.ParserSettings.configuration());
        ParseResult<CompilationUnit> parsed = parser.parse(source);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return Optional.empty();
        }
        CompilationUnit cu = parsed.getResult().get();
        Names names = new Names(cu);

        Map<Node, String> keys = new IdentityHashMap<>();
        Map<String, int[]> ranges = new LinkedHashMap<>();
        Map<String, String> toolRules = new TreeMap<>();
        Map<String, String> promptRules = new TreeMap<>();
        for (TypeDeclaration<?> type : cu.findAll(TypeDeclaration.class)) {
            if (type.getParentNode().filter(p -> p instanceof CompilationUnit || p instanceof TypeDeclaration).isEmpty()) {
                continue; // a local class is part of the member that declares it
            }
            String typeName = typeName(type);
            keys.put(type, typeName);
            int begin = type.getBegin().map(p -> p.line).orElse(0);
            int headerEnd = type.getName().getEnd().map(p -> p.line).orElse(begin);
            ranges.put(typeName, new int[] {begin, headerEnd});
            List<BodyDeclaration<?>> members = new ArrayList<>();
            if (type instanceof EnumDeclaration e) {
                members.addAll(e.getEntries());
            }
            members.addAll(type.getMembers());
            for (BodyDeclaration<?> member : members) {
                Optional<String> key = memberKey(typeName, member, type);
                if (key.isEmpty()) {
                    continue;
                }
                keys.put(member, key.get());
                ranges.put(key.get(), new int[] {member.getBegin().map(p -> p.line).orElse(0),
                        member.getEnd().map(p -> p.line).orElse(0)});
            }
        }

        Map<String, StringBuilder> prompts = new TreeMap<>();
        List<Node> promptLiterals = new ArrayList<>();
        for (AnnotationExpr a : cu.findAll(AnnotationExpr.class)) {
            String owner = ownerKey(a, keys);
            List<String> candidates = names.candidates(a.getNameAsString());
            Optional<String> tool = candidates.stream().map(rules::toolAnnotation).flatMap(Optional::stream).findFirst();
            tool.ifPresent(t -> toolRules.putIfAbsent(owner, t));
            Optional<ModelRow> prompt = candidates.stream().map(rules::promptAnnotation).flatMap(Optional::stream).findFirst();
            if (prompt.isPresent()) {
                promptRules.putIfAbsent(owner, prompt.get().id() + " @" + a.getNameAsString());
                promptLiterals.addAll(literals(a));
            }
        }
        for (Node literal : literals(cu)) {
            if ((startsOn(literal, promptLines) || literal.getParentNode().filter(p -> p instanceof MethodCallExpr c
                    && startsOn(c.getName(), promptLines)).isPresent()) && !promptLiterals.contains(literal)) {
                promptLiterals.add(literal);
                promptRules.putIfAbsent(ownerKey(literal, keys), "prompt passed in code");
            }
        }
        for (Node literal : promptLiterals) {
            String owner = ownerKey(literal, keys);
            StringBuilder text = prompts.computeIfAbsent(owner, k -> new StringBuilder());
            if (literal instanceof StringLiteralExpr s) {
                text.append(s.getValue()).append('\n');
                s.setValue("");
            } else if (literal instanceof TextBlockLiteralExpr t) {
                text.append(t.getValue()).append('\n');
                t.setValue("");
            }
        }

        Map<String, Member> members = new TreeMap<>();
        for (Map.Entry<Node, String> e : keys.entrySet()) {
            String key = e.getValue();
            String code = e.getKey() instanceof TypeDeclaration<?> t ? header(t) : PRINTER.print(e.getKey());
            int[] range = ranges.get(key);
            Set<String> calls = new TreeSet<>();
            if (!(e.getKey() instanceof TypeDeclaration<?>)) {
                e.getKey().findAll(MethodCallExpr.class).stream()
                        .filter(c -> c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr)
                        .forEach(c -> calls.add(c.getNameAsString()));
            }
            members.merge(key, new Member(key, range[0], range[1], code,
                            prompts.getOrDefault(key, new StringBuilder()).toString(),
                            Optional.ofNullable(toolRules.get(key)), Optional.ofNullable(promptRules.get(key)), calls),
                    (a, b) -> new Member(key, Math.min(a.beginLine(), b.beginLine()), Math.max(a.endLine(), b.endLine()),
                            a.code() + "\n" + b.code(), a.prompts() + b.prompts(), a.toolRule().or(b::toolRule),
                            a.promptRule().or(b::promptRule), union(a.calls(), b.calls())));
        }
        return Optional.of(members);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String typeName(TypeDeclaration<?> type) {
        StringBuilder name = new StringBuilder(type.getNameAsString());
        Optional<Node> parent = type.getParentNode();
        while (parent.isPresent()) {
            if (parent.get() instanceof TypeDeclaration<?> outer) {
                name.insert(0, outer.getNameAsString() + ".");
            }
            parent = parent.get().getParentNode();
        }
        return name.toString();
    }

    private static Optional<String> memberKey(String typeName, BodyDeclaration<?> member, TypeDeclaration<?> type) {
        if (member instanceof CallableDeclaration<?> c) {
            String params = c.getParameters().stream().map(p -> p.getType().asString() + (p.isVarArgs() ? "..." : ""))
                    .collect(Collectors.joining(", "));
            String name = c.isConstructorDeclaration() ? "<init>" : c.getNameAsString();
            return Optional.of(typeName + "#" + name + "(" + params + ")");
        }
        if (member instanceof FieldDeclaration f) {
            return Optional.of(typeName + "#" + f.getVariables().stream().map(VariableDeclarator::getNameAsString)
                    .collect(Collectors.joining(",")));
        }
        if (member instanceof EnumConstantDeclaration c) {
            return Optional.of(typeName + "#" + c.getNameAsString());
        }
        if (member instanceof AnnotationMemberDeclaration a) {
            return Optional.of(typeName + "#" + a.getNameAsString() + "()");
        }
        if (member instanceof InitializerDeclaration i) {
            List<BodyDeclaration<?>> blocks = type.getMembers().stream().filter(m -> m instanceof InitializerDeclaration).toList();
            return Optional.of(typeName + "#<" + (i.isStatic() ? "static-" : "") + "initializer-" + (indexOf(blocks, i) + 1) + ">");
        }
        return Optional.empty();
    }

    private static int indexOf(List<BodyDeclaration<?>> list, Node node) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    private static String header(TypeDeclaration<?> type) {
        StringBuilder h = new StringBuilder();
        type.getAnnotations().forEach(a -> h.append(PRINTER.print(a)).append('\n'));
        type.getModifiers().forEach(m -> h.append(m.getKeyword().asString()).append(' '));
        h.append(type.getClass().getSimpleName()).append(' ').append(type.getNameAsString());
        if (type instanceof ClassOrInterfaceDeclaration c) {
            h.append(c.getTypeParameters()).append(" extends ").append(c.getExtendedTypes())
                    .append(" implements ").append(c.getImplementedTypes());
        }
        if (type instanceof EnumDeclaration e) {
            h.append(" implements ").append(e.getImplementedTypes());
        }
        if (type instanceof RecordDeclaration r) {
            r.getParameters().forEach(p -> h.append(' ').append(PRINTER.print(p)));
            h.append(" implements ").append(r.getImplementedTypes());
        }
        return h.toString();
    }

    /** The key of the innermost member or type that holds {@code node}. */
    private static String ownerKey(Node node, Map<Node, String> keys) {
        Optional<Node> n = Optional.of(node);
        while (n.isPresent()) {
            String key = keys.get(n.get());
            if (key != null) {
                return key;
            }
            n = n.get().getParentNode();
        }
        return "<file>";
    }

    private static boolean startsOn(Node node, Set<Integer> lines) {
        return node.getBegin().isPresent() && lines.contains(node.getBegin().get().line);
    }

    private static List<Node> literals(Node root) {
        List<Node> out = new ArrayList<>(root.findAll(StringLiteralExpr.class));
        out.addAll(root.findAll(TextBlockLiteralExpr.class));
        return out;
    }

    /** Resolves an annotation name as written to the fully-qualified names it may stand for, by the imports. */
    private static final class Names {
        private final String pkg;
        private final List<ImportDeclaration> imports;

        Names(CompilationUnit cu) {
            pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            imports = cu.getImports();
        }

        /** Every plausible qualified name; the first is the import that names it. */
        List<String> candidates(String written) {
            List<String> out = new ArrayList<>();
            String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
            String rest = written.substring(first.length());
            for (ImportDeclaration i : imports) {
                if (!i.isAsterisk() && !i.isStatic() && (i.getNameAsString().endsWith("." + first) || i.getNameAsString().equals(first))) {
                    out.add(i.getNameAsString() + rest);
                }
            }
            out.add(written);
            for (ImportDeclaration i : imports) {
                if (i.isAsterisk() && !i.isStatic()) {
                    out.add(i.getNameAsString() + "." + written);
                }
            }
            if (!pkg.isEmpty()) {
                out.add(pkg + "." + written);
            }
            return out;
        }
    }
}
