package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.VarType;
import org.junit.jupiter.api.Test;

/** What the parser settings keep of the language level (syntax, {@code var}) and what they drop (validation). */
class ParserSettingsTest {
    private static CompilationUnit parse(String code) {
        ParseResult<CompilationUnit> result = new JavaParser(ParserSettings.configuration()).parse(code);
        assertThat(result.getProblems()).isEmpty();
        return result.getResult().orElseThrow();
    }

    @Test
    void java21SyntaxAndVarTypesAreKept() {
        CompilationUnit cu = parse("""
                class A {
                    int f(int k) {
                        var list = java.util.List.of(k);
                        return switch (k) { case 1 -> 1; default -> { yield list.size(); } };
                    }
                    record R(int x) {}
                }
                """);
        assertThat(cu.findFirst(VariableDeclarationExpr.class).orElseThrow().getElementType()).isInstanceOf(VarType.class);
        assertThat(cu.findAll(YieldStmt.class)).hasSize(1);
    }

    @Test
    void codeJavacWouldRejectButThatParsesIsRead() {
        CompilationUnit cu = parse("class A { public public void twice() {} }");
        assertThat(cu.findFirst(MethodDeclaration.class).orElseThrow().getNameAsString()).isEqualTo("twice");
    }

    @Test
    void unicodeEscapesAreReadAndLocationsStayThoseOfTheText() {
        CompilationUnit cu = parse("class A {\n  void \\u0061b() {}\n  void cd() {}\n}");
        assertThat(cu.findAll(MethodDeclaration.class)).extracting(m -> m.getNameAsString()).containsExactly("ab", "cd");
        MethodDeclaration cd = cu.findAll(MethodDeclaration.class).get(1);
        assertThat(cd.getName().getBegin().orElseThrow().line).isEqualTo(3);
        assertThat(cd.getName().getBegin().orElseThrow().column).isEqualTo(8);
    }
}
