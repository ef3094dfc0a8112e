package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.AgentModel;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Finding;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Spring AI sample: ChatClient defaultTools, a shell tool and a status-page reader. */
class SpringAiSampleTest {

    @Test
    void toolsAgentAndPromptAreRead() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.sample("spring-ai-assistant"));
        assertThat(m.tools()).extracting(Tool::id, Tool::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DiagnosticsTools/runDiagnostic", "spring-ai"),
                org.assertj.core.groups.Tuple.tuple("StatusPageTools/vendorStatus", "spring-ai"));
        assertThat(m.agents()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("AssistantService");
            assertThat(a.tools()).containsExactly("DiagnosticsTools/runDiagnostic", "StatusPageTools/vendorStatus");
        });
        assertThat(m.prompts()).singleElement().satisfies(p -> {
            assertThat(p.agent()).isEqualTo("AssistantService");
            assertThat(p.text()).startsWith("You are the on-call assistant");
        });
        Tool diag = m.tool("DiagnosticsTools/runDiagnostic").orElseThrow();
        assertThat(diag.description()).startsWith("Runs a diagnostic shell command");
        assertThat(diag.parameters()).singleElement().satisfies(p -> assertThat(p.description()).startsWith("the command line"));
        assertThat(diag.signals()).extracting(Signal::kind, Signal::value).contains(
                org.assertj.core.groups.Tuple.tuple("call", "java.lang.ProcessBuilder#start"),
                org.assertj.core.groups.Tuple.tuple("argument-flow", "command:commandLine"));
        assertThat(m.tool("StatusPageTools/vendorStatus").orElseThrow().signals()).extracting(Signal::value)
                .containsExactly("org.springframework.web.client.RestTemplate#getForObject");
    }

    @Test
    void argumentInjectionMarkersAreClaimed() throws IOException {
        var root = JavaFixtures.sample("spring-ai-assistant");
        List<Finding> findings = ArgumentInjectionTest.findings(root);
        assertThat(findings).extracting(Finding::key).containsExactly("DiagnosticsTools/runDiagnostic:commandLine->command");
        assertThat(dev.faultline.harness.ExpectationHarness.markers(root))
                .filteredOn(m -> m.ruleId().equals("argument-injection") && m.kind().equals("expect"))
                .extracting(dev.faultline.harness.Marker::key).containsExactly("DiagnosticsTools/runDiagnostic:commandLine->command");
        Finding f = findings.get(0);
        assertThat(f.location().path()).isEqualTo("src/main/java/com/example/assistant/DiagnosticsTools.java");
        assertThat(f.location().startLine()).isBetween(18, 21);
    }
}
