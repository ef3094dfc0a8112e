package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.Agent;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.FlowStep;
import dev.faultline.report.InputFile;
import dev.faultline.report.InputStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaSourceIngesterTest {
    private static final String DESK = "src/main/java/com/acme/desk/";
    private static AgentModel model;

    @BeforeAll
    static void scan() {
        model = JavaFixtures.scan(JavaFixtures.fixture("mixed"));
    }

    private static Tool tool(String id) {
        return model.tool(id).orElseThrow(() -> new AssertionError("no tool " + id + " in " + model.tools().stream().map(Tool::id).toList()));
    }

    private static List<Signal> signals(Tool t, String kind) {
        return t.signals().stream().filter(s -> s.kind().equals(kind)).toList();
    }

    private static InputFile input(String path) {
        return model.inputs().stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void annotatedMethodsAreToolsAndHelpersAreNot() {
        assertThat(model.tools()).extracting(Tool::id)
                .containsExactly("ExportTools/exportArchive", "LegacyTools/deleteExport", "RefundTools/refund_order",
                        "SearchTools/searchArticles");
        Tool refund = tool("RefundTools/refund_order");
        assertThat(refund.origin()).isEqualTo("langchain4j");
        assertThat(refund.name()).isEqualTo("refund_order");
        assertThat(refund.description()).isEqualTo("Refunds an order in full.\nUse only after checking the order.");
        assertThat(refund.location().path()).isEqualTo(DESK + "RefundTools.java");
        assertThat(refund.location().startLine()).isEqualTo(16);
        assertThat(refund.parameters()).extracting(p -> p.name() + ":" + p.type() + ":" + p.description())
                .containsExactly("orderId:string:order id", "reason:string:reason shown to the customer");
    }

    @Test
    void callsAreFollowedIntoProjectClassesWithTheirChain() {
        Tool refund = tool("RefundTools/refund_order");
        assertThat(signals(refund, "call")).extracting(Signal::value)
                .containsExactly("com.stripe.model.Refund#create", "java.nio.file.Files#writeString");
        Signal stripe = signals(refund, "call").get(0);
        assertThat(stripe.location().display()).isEqualTo(DESK + "payments/PaymentGateway.java:19:36");
        assertThat(stripe.chain()).extracting(FlowStep::message)
                .containsExactly("calls PaymentGateway.refund", "calls Refund.create");
        assertThat(stripe.chain().get(0).location().display()).isEqualTo(DESK + "RefundTools.java:17:36");
        Signal audit = signals(refund, "call").get(1);
        assertThat(audit.chain()).extracting(f -> f.location().path())
                .containsExactly(DESK + "RefundTools.java", DESK + "util/AuditLog.java");
    }

    @Test
    void staticImportsAndInheritedMethodsAreFollowed() {
        Tool export = tool("ExportTools/exportArchive");
        assertThat(signals(export, "call")).extracting(Signal::value)
                .containsExactly("java.lang.ProcessBuilder#start", "java.nio.file.Files#move");
        assertThat(signals(export, "call").get(0).chain()).extracting(FlowStep::message)
                .containsExactly("calls Shell.run", "calls ProcessBuilder.start");
        assertThat(signals(export, "call").get(1).location().path()).isEqualTo(DESK + "BaseTools.java");
    }

    @Test
    void interfaceCallsReachTheirImplementations() {
        Signal read = signals(tool("SearchTools/searchArticles"), "call").get(0);
        assertThat(read.value()).isEqualTo("org.springframework.jdbc.core.JdbcTemplate#queryForList");
        assertThat(read.chain()).extracting(FlowStep::message)
                .containsExactly("calls KnowledgeBase.search", "calls JdbcTemplate.queryForList");
        assertThat(read.location().path()).isEqualTo(DESK + "JdbcKnowledgeBase.java");
    }

    @Test
    void configuredSecretsReachedByTheToolAreItsCredentials() {
        assertThat(tool("RefundTools/refund_order").credentials()).extracting(CredentialRef::name, CredentialRef::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stripe.secret-key", "config"));
        assertThat(tool("SearchTools/searchArticles").credentials()).isEmpty();
    }

    @Test
    void registeredClassesAreBoundAndUnregisteredOnesAreNot() {
        assertThat(model.agents()).extracting(Agent::name).containsExactly("DeskAgent");
        assertThat(model.agents().get(0).tools()).containsExactly("RefundTools/refund_order", "SearchTools/searchArticles");
        assertThat(model.notifications()).anySatisfy(n -> assertThat(n.message()).contains("ExportTools/exportArchive is bound to no agent"));
        assertThat(model.notifications()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("unbound-tool");
            assertThat(n.message()).contains("LegacyTools/deleteExport");
        });
    }

    @Test
    void systemMessagesArePromptsOfTheirAiService() {
        assertThat(model.prompts()).singleElement().satisfies(p -> {
            assertThat(p.agent()).isEqualTo("DeskAgent");
            assertThat(p.role()).isEqualTo("system");
            assertThat(p.text()).isEqualTo("You are the help desk assistant.\nRefund only orders that are less than 30 days old.");
            assertThat(p.location().display()).isEqualTo(DESK + "DeskAgent.java:7:5");
        });
    }

    @Test
    void syntaxErrorsFailOneFileWithItsLine() {
        InputFile broken = input(DESK + "Broken.java");
        assertThat(broken.status()).isEqualTo(InputStatus.FAILED);
        assertThat(broken.reason()).startsWith("Java syntax error");
        assertThat(broken.location().startLine()).isEqualTo(9);
        assertThat(input(DESK + "RefundTools.java").status()).isEqualTo(InputStatus.SCANNED);
    }

    @Test
    void onlyFilesThatDeclareOrReachToolsAreParsed() {
        assertThat(input(DESK + "util/Unrelated.java").status()).isEqualTo(InputStatus.SKIPPED);
        assertThat(input(DESK + "util/AuditLog.java").status()).isEqualTo(InputStatus.SCANNED);
        assertThat(input(DESK + "JdbcKnowledgeBase.java").status()).isEqualTo(InputStatus.SCANNED);
    }

    @Test
    void argumentFlowsAreSignals() {
        Signal flow = signals(tool("LegacyTools/deleteExport"), "argument-flow").get(0);
        assertThat(flow.value()).isEqualTo("path:name");
        assertThat(flow.location().display()).isEqualTo(DESK + "LegacyTools.java:13:15");
        assertThat(flow.chain()).hasSize(2);
        assertThat(signals(tool("RefundTools/refund_order"), "argument-flow")).isEmpty();
    }

    @Test
    void hostileNestingFailsOneFileNotTheScan(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String deep = "(".repeat(20_000) + "x" + ")".repeat(20_000);
        java.nio.file.Files.writeString(dir.resolve("Deep.java"), "import dev.langchain4j.agent.tool.Tool;\n"
                + "class Deep { @Tool String t(String x) { return " + deep + "; } }\n");
        java.nio.file.Files.writeString(dir.resolve("Fine.java"), "import dev.langchain4j.agent.tool.Tool;\n"
                + "class Fine { @Tool String t(String x) { return x; } }\n");
        AgentModel m = JavaFixtures.scan(dir);
        assertThat(m.tools()).extracting(Tool::id).contains("Fine/t");
        assertThat(m.inputs()).filteredOn(i -> i.path().equals("Deep.java")).singleElement()
                .satisfies(i -> assertThat(i.status()).isIn(InputStatus.FAILED, InputStatus.SCANNED));
    }

    @Test
    void outputIsDeterministic() {
        assertThat(JavaFixtures.scan(JavaFixtures.fixture("mixed"))).isEqualTo(model);
    }
}
