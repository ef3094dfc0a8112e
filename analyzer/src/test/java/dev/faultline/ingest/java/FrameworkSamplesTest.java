package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.Agent;
import dev.faultline.model.AgentDecl;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Parameter;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MCP Java SDK, Google ADK, Semantic Kernel and Quarkus MCP samples, read by the Java ingester alone. */
class FrameworkSamplesTest {

    private static List<String> ids(AgentModel m) {
        return m.tools().stream().map(Tool::id).toList();
    }

    @Test
    void mcpSdkParametersComeFromTheSchemaStringAndHintsFromToolAnnotations() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.sample("mcp-java-sdk-server"));
        String src = "src/main/java/com/example/repotools/RepoToolsServer.java";
        assertThat(ids(m)).containsExactly("RepoToolsServer/delete_branch", "RepoToolsServer/list_pull_requests", "RepoToolsServer/read_file");
        Tool read = m.tool("RepoToolsServer/read_file").orElseThrow();
        assertThat(read.parameters()).extracting(Parameter::name, Parameter::type, Parameter::description, p -> p.location().startLine())
                .containsExactly(tuple("path", "string", "file path relative to the repository root", 19));
        assertThat(read.signals()).extracting(Signal::kind, Signal::value)
                .contains(tuple("mcp-annotation", "readOnlyHint=true"));
        assertThat(m.tool("RepoToolsServer/list_pull_requests").orElseThrow().signals()).extracting(Signal::value)
                .contains("readOnlyHint=true", "openWorldRead=true");
        Tool delete = m.tool("RepoToolsServer/delete_branch").orElseThrow();
        assertThat(delete.signals()).extracting(Signal::kind, Signal::value).contains(tuple("mcp-annotation", "destructiveHint=true"));
        assertThat(delete.credentials()).extracting(CredentialRef::name, c -> c.location().path(), c -> c.location().startLine())
                .containsExactly(tuple("GITHUB_TOKEN", src, 49));
        assertThat(read.credentials()).isEmpty();
    }

    @Test
    void mcpServerToolsAreBoundToNoAgentInCodeButAManifestPatternBindsThem() {
        AgentModel unbound = ingested("mcp-java-sdk-server").build();
        assertThat(unbound.agents()).extracting(Agent::name).containsExactly(ModelBuilder.IMPLICIT_AGENT);
        assertThat(unbound.notifications()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("mcp-server-tools");
            assertThat(n.message()).isEqualTo("tools of MCP server RepoToolsServer are served to external clients; "
                    + "declare the client agent in faultline.yaml (tools: [\"RepoToolsServer/*\"])");
        });
        ModelBuilder builder = ingested("mcp-java-sdk-server");
        builder.addAgent(new AgentDecl("ide-assistant", "", Location.file("faultline.yaml"), List.of(),
                List.of("RepoToolsServer/*"), List.of(), "", "manifest"));
        assertThat(builder.build().agents()).singleElement().satisfies(a -> assertThat(a.tools())
                .containsExactly("RepoToolsServer/delete_branch", "RepoToolsServer/list_pull_requests", "RepoToolsServer/read_file"));
    }

    private static ModelBuilder ingested(String sample) {
        ModelBuilder b = new ModelBuilder();
        JavaSourceIngester ingester = new JavaSourceIngester(JavaFixtures.CATALOG);
        ingester.ingest(JavaFixtures.files(JavaFixtures.sample(sample)).stream().filter(ingester::wants).toList(), b);
        return b;
    }

    @Test
    void adkMethodsRegisteredByNameAreTheOnlyToolsAndSubAgentsAreCalls() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.sample("google-adk-agent"));
        assertThat(ids(m)).containsExactly("BillingTools/get_invoice", "BillingTools/refund_invoice", "ItTools/lookupDevice", "ItTools/reset_password");
        assertThat(m.tool("ItTools/lookupDevice").orElseThrow().parameters()).extracting(Parameter::name, Parameter::type)
                .containsExactly(tuple("serialNumber", "string"));
        assertThat(m.agents()).extracting(Agent::name, Agent::tools, Agent::calls).containsExactly(
                tuple("billing_agent", List.of("BillingTools/get_invoice", "BillingTools/refund_invoice"), List.of()),
                tuple("helpdesk_coordinator", List.of(), List.of("billing_agent", "it_agent")),
                tuple("it_agent", List.of("ItTools/lookupDevice", "ItTools/reset_password"), List.of()));
        assertThat(m.tool("BillingTools/refund_invoice").orElseThrow().credentials()).extracting(CredentialRef::name, c -> c.location().startLine())
                .containsExactly(tuple("STRIPE_SECRET_KEY", 43));
        // a credential kept in a static field counts only for the tool that uses the field
        assertThat(m.tool("ItTools/reset_password").orElseThrow().credentials()).extracting(CredentialRef::name).containsExactly("OKTA_API_TOKEN");
        assertThat(m.tool("ItTools/lookupDevice").orElseThrow().credentials()).isEmpty();
    }

    @Test
    void semanticKernelToolsTakeTheirPluginName() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.sample("semantic-kernel-plugin"));
        assertThat(ids(m)).containsExactly("ClaimsAdminPlugin/delete_claim", "expenses/list_claims", "expenses/pay_out_claim", "receipts/read_receipt");
        assertThat(m.agents()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("ExpenseAssistant");
            assertThat(a.tools()).containsExactly("expenses/list_claims", "expenses/pay_out_claim", "receipts/read_receipt");
        });
        assertThat(m.notifications()).noneSatisfy(n -> assertThat(n.id()).isEqualTo("tools-not-enumerable"));
        assertThat(m.tool("expenses/pay_out_claim").orElseThrow().credentials()).extracting(CredentialRef::name).containsExactly("PAYMENTS_API_KEY");
        // a parameter concatenated after a fixed host cannot choose the host
        assertThat(m.tool("receipts/read_receipt").orElseThrow().signals()).extracting(Signal::kind).doesNotContain("argument-flow");
    }

    @Test
    void quarkusConfigPropertiesAreLocatedInApplicationProperties() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.sample("quarkus-mcp-server"));
        assertThat(ids(m)).containsExactly("ClusterTools/delete_pod", "ClusterTools/pod_logs", "ClusterTools/restart_deployment",
                "IncidentTools/announce_incident");
        assertThat(m.agents()).extracting(Agent::name).containsExactly(ModelBuilder.IMPLICIT_AGENT);
        CredentialRef token = m.tool("IncidentTools/announce_incident").orElseThrow().credentials().get(0);
        assertThat(token.name()).isEqualTo("ops.slack.bot-token");
        assertThat(token.location()).isEqualTo(Location.at("src/main/resources/application.properties", 5, 1));
        assertThat(token.inlineSecret()).isFalse();
        // Only the Java sources are read here (no faultline.yaml), so both servers still ask for their client agent.
        assertThat(m.notifications()).filteredOn(n -> n.id().equals("mcp-server-tools")).extracting(n -> n.location().path())
                .containsExactly("src/main/java/com/example/ops/ClusterTools.java", "src/main/java/com/example/ops/IncidentTools.java");
    }
}
