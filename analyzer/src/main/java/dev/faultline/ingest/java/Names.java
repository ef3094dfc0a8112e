package dev.faultline.ingest.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Names types the way STACK.md's fallback does when the symbol solver cannot: a simple name is
 * looked up in the file's single-type imports, its own types, its package, its wildcard imports
 * and {@code java.lang}; a variable's type is its declared type. A wildcard import of a package
 * outside the project gives candidates, not one answer.
 */
final class Names {
    private final SourceIndex index;
    private final Map<CompilationUnit, Map<String, List<String>>> memo = new IdentityHashMap<>();
    private final Map<String, Boolean> javaLang = new HashMap<>();

    Names(SourceIndex index) {
        this.index = index;
    }

    /** Candidate fully-qualified names for a (possibly dotted) type name used in {@code cu}. */
    List<String> qualify(CompilationUnit cu, String name) {
        return memo.computeIfAbsent(cu, k -> new HashMap<>()).computeIfAbsent(name, n -> List.copyOf(qualifyUncached(cu, n)));
    }

    private List<String> qualifyUncached(CompilationUnit cu, String name) {
        List<String> out = new ArrayList<>();
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        int dot = name.indexOf('.');
        String head = dot < 0 ? name : name.substring(0, dot);
        String tail = dot < 0 ? "" : name.substring(dot);
        if (!head.isEmpty() && Character.isLowerCase(head.charAt(0)) && dot > 0) {
            out.add(name);
            return out;
        }
        for (ImportDeclaration imp : cu.getImports()) {
            if (!imp.isAsterisk() && !imp.isStatic() && imp.getName().getIdentifier().equals(head)) {
                out.add(imp.getNameAsString() + tail);
                return out;
            }
        }
        String local = pkg.isEmpty() ? head : pkg + "." + head;
        if (cu.getTypes().stream().anyMatch(t -> t.getNameAsString().equals(head))
                || cu.findFirst(TypeDeclaration.class, t -> t.getNameAsString().equals(head)).isPresent()
                || index.declares(local)) {
            out.add(local + tail);
            return out;
        }
        for (ImportDeclaration imp : cu.getImports()) {
            if (imp.isAsterisk() && !imp.isStatic()) {
                String candidate = imp.getNameAsString() + "." + head;
                if (index.declares(candidate)) {
                    return List.of(candidate + tail);
                }
                out.add(candidate + tail);
            }
        }
        if (isJavaLang(head)) {
            out.add(0, "java.lang." + head + tail);
        }
        if (out.isEmpty()) {
            out.add(local + tail);
        }
        return out;
    }

    private boolean isJavaLang(String name) {
        return javaLang.computeIfAbsent(name, Names::loadsFromJavaLang);
    }

    private static boolean loadsFromJavaLang(String name) {
        try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Candidate names of a declared type (type arguments dropped, arrays to their element). */
    List<String> qualify(CompilationUnit cu, Type type) {
        if (type instanceof ArrayType a) {
            return qualify(cu, a.getElementType());
        }
        if (type instanceof ClassOrInterfaceType c) {
            return qualify(cu, c.getNameWithScope());
        }
        return List.of();
    }

    /**
     * Candidate types of an expression used as a call's receiver. For a chain of calls whose types
     * are unknown, the type at the start of the chain; for a bare name that is no variable, the
     * type of that name (a static call).
     */
    List<String> typeOf(CompilationUnit cu, Expression e) {
        if (e instanceof EnclosedExpr en) {
            return typeOf(cu, en.getInner());
        }
        if (e instanceof CastExpr c) {
            return qualify(cu, c.getType());
        }
        if (e instanceof ObjectCreationExpr o) {
            return qualify(cu, o.getType());
        }
        if (e instanceof ThisExpr) {
            return enclosingType(e).map(t -> List.of(fqn(cu, t))).orElse(List.of());
        }
        if (e instanceof MethodCallExpr m) {
            return m.getScope().map(s -> typeOf(cu, s)).orElseGet(() -> enclosingType(e).map(t -> List.of(fqn(cu, t))).orElse(List.of()));
        }
        if (e instanceof FieldAccessExpr f) {
            if (f.getScope() instanceof ThisExpr) {
                return variableType(cu, f, f.getNameAsString()).orElse(List.of());
            }
            return qualify(cu, f.toString());
        }
        if (e instanceof NameExpr n) {
            return variableType(cu, n, n.getNameAsString()).orElseGet(() -> qualify(cu, n.getNameAsString()));
        }
        return List.of();
    }

    /** The declared type of a local variable, parameter or field visible at {@code at}. */
    Optional<List<String>> variableType(CompilationUnit cu, Node at, String name) {
        Node n = at;
        while (n != null) {
            if (n instanceof CallableDeclaration<?> c) {
                Optional<List<String>> local = inCallable(cu, c, name);
                if (local.isPresent()) {
                    return local;
                }
            } else if (n instanceof LambdaExpr l) {
                for (Parameter p : l.getParameters()) {
                    if (p.getNameAsString().equals(name) && !p.getType().isUnknownType()) {
                        return Optional.of(qualify(cu, p.getType()));
                    }
                }
            } else if (n instanceof TypeDeclaration<?> t) {
                for (FieldDeclaration f : t.getFields()) {
                    for (VariableDeclarator v : f.getVariables()) {
                        if (v.getNameAsString().equals(name)) {
                            return Optional.of(declaratorType(cu, v));
                        }
                    }
                }
            }
            n = n.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    private Optional<List<String>> inCallable(CompilationUnit cu, CallableDeclaration<?> c, String name) {
        for (Parameter p : c.getParameters()) {
            if (p.getNameAsString().equals(name)) {
                return Optional.of(qualify(cu, p.getType()));
            }
        }
        return c.findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(name))
                .map(v -> declaratorType(cu, v));
    }

    private List<String> declaratorType(CompilationUnit cu, VariableDeclarator v) {
        if (v.getType().isVarType()) {
            return v.getInitializer().map(i -> typeOf(cu, i)).orElse(List.of());
        }
        return qualify(cu, v.getType());
    }

    /** The innermost type declaration around a node. */
    static Optional<TypeDeclaration<?>> enclosingType(Node n) {
        Node p = n.getParentNode().orElse(null);
        while (p != null) {
            if (p instanceof TypeDeclaration<?> t) {
                return Optional.of(t);
            }
            p = p.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    /** The project name of a type declaration: package plus simple name (nested types too). */
    static String fqn(CompilationUnit cu, TypeDeclaration<?> t) {
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        return pkg.isEmpty() ? t.getNameAsString() : pkg + "." + t.getNameAsString();
    }

    /** The simple name of a qualified name. */
    static String simple(String fqn) {
        int dot = fqn.lastIndexOf('.');
        return dot < 0 ? fqn : fqn.substring(dot + 1);
    }
}
