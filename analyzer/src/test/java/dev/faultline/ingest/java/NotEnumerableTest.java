package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.model.Agent;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.report.Notification;
import org.junit.jupiter.api.Test;

/** What cannot be known statically is said as a notification at the registration, never guessed or dropped. */
class NotEnumerableTest {
    private static final String SRC = "src/main/java/com/example/flags/";
    private static final AgentModel MODEL = JavaFixtures.scan(JavaFixtures.fixture("not-enumerable"));

    private static java.util.List<Notification> notEnumerable() {
        return MODEL.notifications().stream().filter(n -> n.id().equals("tools-not-enumerable")).toList();
    }

    @Test
    void registrationBehindARuntimeFlagIsSaidAndCounted() {
        assertThat(notEnumerable()).anySatisfy(n -> {
            assertThat(n.location().path()).isEqualTo(SRC + "Agents.java");
            assertThat(n.location().startLine()).isEqualTo(17);
            assertThat(n.message()).contains("only when 'flags.enabled(\"billing-tools\")' holds at run time");
        });
        assertThat(MODEL.agents()).filteredOn(a -> a.name().equals("Assistant")).singleElement()
                .satisfies(a -> assertThat(a.tools()).containsExactly("BillingTools/cancel", "SearchTools/search"));
    }

    @Test
    void aMethodNamedAtRunTimeOrAClassFoundByReflectionIsNotEnumerable() {
        assertThat(notEnumerable()).filteredOn(n -> n.location().path().equals(SRC + "Agents.java"))
                .extracting(n -> n.location().startLine(), n -> n.message().contains("method name is not a constant"),
                        n -> n.message().contains("class is not declared in the scanned sources"))
                .contains(tuple(25, true, false), tuple(26, false, true));
        assertThat(MODEL.agents()).filteredOn(a -> a.name().equals("runtime_agent")).singleElement()
                .satisfies(a -> assertThat(a.tools()).containsExactly("SearchTools/search"));
    }

    @Test
    void toolsFromAFactoryAndToolsBuiltInALoopAreNotEnumerable() {
        assertThat(notEnumerable()).anySatisfy(n -> {
            assertThat(n.location().startLine()).isEqualTo(32);
            assertThat(n.message()).contains("'loadPlugins()'");
        });
        assertThat(notEnumerable()).anySatisfy(n -> {
            assertThat(n.location().path()).isEqualTo(SRC + "DynamicServer.java");
            assertThat(n.location().startLine()).isEqualTo(16);
        });
        assertThat(MODEL.tools()).extracting(t -> t.id()).containsExactly("BillingTools/cancel", "SearchTools/search");
    }

    @Test
    void anInjectedKeyIsLocatedInTheProperties_fileAndAnInlineValueIsFlaggedNotCopied() {
        CredentialRef key = MODEL.tool("BillingTools/cancel").orElseThrow().credentials().get(0);
        assertThat(key.name()).isEqualTo("billing.api-key");
        assertThat(key.location().path()).isEqualTo("src/main/resources/application.properties");
        assertThat(key.location().startLine()).isEqualTo(2);
        assertThat(key.inlineSecret()).isTrue();
        assertThat(key.toString()).doesNotContain("sk_live");
    }
}
