package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

/**
 * The text pass's reading of a file before anything is parsed: which files may hand a credential to
 * a constructor, which name a framework, and what they declare and construct.
 */
class JavaOutlineTest {
    private final JavaRows rows = JavaRows.from(RuleCatalog.builtIn());

    private boolean readsCredential(String code) {
        return JavaOutline.of(code, rows).readsCredential();
    }

    private boolean namesFramework(String code) {
        return JavaOutline.of(code, rows).namesFramework();
    }

    @Test
    void aCredentialSourceCallOrAnnotationIsSeenHoweverItIsSpacedOrQualified() {
        assertThat(readsCredential("String t = System.getenv(\"TOKEN\");")).isTrue();
        assertThat(readsCredential("String t = System . getenv\n  (\"TOKEN\");")).isTrue();
        assertThat(readsCredential("String t = System.GETENV(\"TOKEN\");")).isTrue();
        assertThat(readsCredential("Client(@Value(\"${api.key}\") String key) {}")).isTrue();
        assertThat(readsCredential("Client(@ Value(\"${api.key}\") String key) {}")).isTrue();
        assertThat(readsCredential("Client(@org.springframework.beans.factory.annotation.Value(\"${k}\") String key) {}"))
                .isTrue();
    }

    @Test
    void wordsThatOnlyLookAlikeAreNot() {
        assertThat(readsCredential("String getenvironment = value; // getenv")).isFalse();
        assertThat(readsCredential("int x = values.size(); Value v = Value.of(1);")).isFalse();
        assertThat(readsCredential("@Valued(\"x\") String s;")).isFalse();
    }

    @Test
    void onlyCodeReadsACredentialOrNamesAFramework() {
        assertThat(readsCredential("/* System.getenv(\"TOKEN\") */ String s = \"getenv(\";")).isFalse();
        assertThat(namesFramework("import dev.langchain4j.agent.tool.Tool;")).isTrue();
        assertThat(namesFramework("class A { dev.langchain4j.agent.tool.ToolSpecification spec; }")).isTrue();
        assertThat(namesFramework("import io.modelcontextprotocol.server.McpServer;")).isTrue();
        assertThat(namesFramework("package dev.langchain4j.agent.tool.tests;\nclass T { @Tool void t() {} }")).isTrue();
        assertThat(namesFramework("// ported from dev.langchain4j.agent.tool.Tool")).isFalse();
        assertThat(namesFramework("String s = \"dev.langchain4j.agent.tool\";")).isFalse();
        assertThat(namesFramework("import mydev.langchain4j.agent.tool.Tool;")).isFalse();
    }

    @Test
    void aMarkerStartsOnlyAtTheWordThatIsItsHead() {
        assertThat(namesFramework("class A { com.google.adk.tools.FunctionTool t; }")).isTrue();
        assertThat(namesFramework("class A { Object o = org.springframework.ai.tool.ToolCallbacks.from(this); }")).isTrue();
        assertThat(namesFramework("import devx.langchain4j.agent.tool.Tool;")).isFalse();
        assertThat(namesFramework("class A { int dev = 1; Object o = dev.langchain4j; }")).isFalse();
        assertThat(namesFramework("import dev . langchain4j.agent.tool.Tool;")).isFalse();
        // a marker is a prefix of the text, as a package prefix is of the packages under it
        assertThat(namesFramework("import dev.langchain4j.agent.toolkit.Thing;")).isTrue();
    }

    @Test
    void markersAreGroupedByAHeadOnlyWhenTheyHaveOne() {
        JavaRows.MarkerHeads heads = JavaRows.MarkerHeads.of(java.util.List.of("io.a.b", "dev.x", "dev.y", "plain", "@Tool", "1x.y", ".z"));
        assertThat(heads.groups()).containsExactly(
                new JavaRows.MarkerHeads.Group("dev", java.util.List.of("dev.x", "dev.y")),
                new JavaRows.MarkerHeads.Group("io", java.util.List.of("io.a.b")));
        assertThat(heads.headless()).containsExactly("plain", "@Tool", "1x.y", ".z");
    }

    @Test
    void theOutlineDeclaresWhatTheCodeDeclares() {
        JavaOutline outline = JavaOutline.of("""
                // a class Comment is not a type
                package com . example /* spaced */ . shop;

                /** Handles the class of orders; see Order.class. */
                public final class Orders<T extends Comparable<T>> extends Base<T> implements Runnable, java.io.Serializable {
                    String label = "class Fake";
                    Class<?> type = Orders.class;
                    record Line(int qty) implements Priced {}
                    enum State { OPEN }
                    @interface Audit {}
                    sealed interface Shape permits Circle {}
                }
                """, rows);
        assertThat(outline.pkg()).isEqualTo("com.example.shop");
        assertThat(outline.types()).containsExactly("Orders", "Line", "State", "Audit", "Shape");
        assertThat(outline.supertypes()).extracting(p -> p[0] + "<" + p[1])
                .containsExactly("Orders<Base", "Orders<Runnable", "Orders<Serializable", "Line<Priced", "Shape<Circle");
    }

    @Test
    void theOutlineNamesTheTypesTheCodeConstructs() {
        JavaOutline outline = JavaOutline.of("""
                class Wiring {
                    // new Commented(
                    Object a = new com.acme.billing.Client("x");
                    Object b = new /* odd */ Holder<>(1);
                    int[] c = new int[] {1};
                    Object d = new java.util.ArrayList<String>();
                    Object e = new Client("again");
                    String f = "new Quoted(";
                    Object g = new lower();
                }
                """, rows);
        assertThat(outline.constructed()).containsExactly("Client", "Holder", "ArrayList");
        assertThat(outline.types()).containsExactly("Wiring");
    }
}
