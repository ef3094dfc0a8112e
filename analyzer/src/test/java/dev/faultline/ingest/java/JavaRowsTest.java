package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

/** The text test that decides which files may hand a credential to a constructor, before anything is parsed. */
class JavaRowsTest {
    private final JavaRows rows = JavaRows.from(RuleCatalog.builtIn());

    @Test
    void aCredentialSourceCallOrAnnotationIsSeenHoweverItIsSpacedOrQualified() {
        assertThat(rows.readsCredential("String t = System.getenv(\"TOKEN\");")).isTrue();
        assertThat(rows.readsCredential("String t = System . getenv\n  (\"TOKEN\");")).isTrue();
        assertThat(rows.readsCredential("String t = System.GETENV(\"TOKEN\");")).isTrue();
        assertThat(rows.readsCredential("Client(@Value(\"${api.key}\") String key) {}")).isTrue();
        assertThat(rows.readsCredential("Client(@ Value(\"${api.key}\") String key) {}")).isTrue();
        assertThat(rows.readsCredential("Client(@org.springframework.beans.factory.annotation.Value(\"${k}\") String key) {}"))
                .isTrue();
    }

    @Test
    void wordsThatOnlyLookAlikeAreNot() {
        assertThat(rows.readsCredential("String getenvironment = value; // getenv")).isFalse();
        assertThat(rows.readsCredential("int x = values.size(); Value v = Value.of(1);")).isFalse();
        assertThat(rows.readsCredential("@Valued(\"x\") String s;")).isFalse();
    }
}
