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
import org.junit.jupiter.api.Test;

/** The demo sample of the essay's incident, before and after the billing tool was added. */
class SupportAgentSampleTest {
    private static final String SRC = "src/main/java/com/acme/support/";

    private static List<String> signals(AgentModel m, String toolId, String kind) {
        Tool t = m.tool(toolId).orElseThrow();
        return t.signals().stream().filter(s -> s.kind().equals(kind)).map(Signal::value).toList();
    }

    @Test
    void beforeHasTheThreeSupportTools() {
        AgentModel before = JavaFixtures.scan(JavaFixtures.sample("support-agent/before"));
        assertThat(before.tools()).extracting(Tool::id).containsExactly(
                "CustomerReplyTools/replyToCustomer", "OrderTools/findOrders", "TicketTools/getTicket");
        assertThat(before.agents()).extracting(Agent::name).containsExactly("SupportAgent");
        assertThat(before.agents().get(0).tools()).containsExactly(
                "CustomerReplyTools/replyToCustomer", "OrderTools/findOrders", "TicketTools/getTicket");
        assertThat(signals(before, "TicketTools/getTicket", "call")).containsExactly("org.springframework.web.client.RestClient#get");
        assertThat(signals(before, "OrderTools/findOrders", "call")).containsExactly("org.springframework.jdbc.core.JdbcTemplate#query");
        assertThat(signals(before, "CustomerReplyTools/replyToCustomer", "call"))
                .containsExactly("org.springframework.mail.javamail.JavaMailSender#send");
        assertThat(before.tool("TicketTools/getTicket").orElseThrow().credentials()).extracting(CredentialRef::name)
                .containsExactly("helpdesk.api-token");
        assertThat(before.prompts()).filteredOn(p -> p.role().equals("system")).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("escalate billing questions to a human agent"));
        assertThat(before.tools()).allSatisfy(t -> assertThat(t.signals()).noneMatch(s -> s.kind().equals("argument-flow")));
        assertThat(before.inputs()).filteredOn(i -> i.status() == InputStatus.SKIPPED).extracting(InputFile::path)
                .containsExactly(SRC + "SupportAgentApplication.java", SRC + "orders/Order.java");
    }

    @Test
    void afterAddsTheBillingAdminToolWithItsTokenAndAdminUrl() {
        AgentModel after = JavaFixtures.scan(JavaFixtures.sample("support-agent/after"));
        assertThat(after.agents().get(0).tools()).contains("BillingAdminTools/adjustBilling");
        Tool billing = after.tool("BillingAdminTools/adjustBilling").orElseThrow();
        assertThat(billing.origin()).isEqualTo("langchain4j");
        assertThat(billing.credentials()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("BILLING_ADMIN_TOKEN");
            assertThat(c.kind()).isEqualTo("env");
            assertThat(c.location().display()).isEqualTo(SRC + "billing/BillingAdminClient.java:16:34");
        });
        Signal url = billing.signals().stream().filter(s -> s.kind().equals("url")).findFirst().orElseThrow();
        assertThat(url.value()).isEqualTo("/admin/v1/accounts/{accountId}/adjustments");
        assertThat(url.chain()).extracting(FlowStep::message).containsExactly("calls BillingAdminClient.adjust", "calls RestClient.uri");
        assertThat(url.chain().get(0).location().display()).isEqualTo(SRC + "tools/BillingAdminTools.java:24:45");
        assertThat(signals(after, "BillingAdminTools/adjustBilling", "call")).containsExactly("org.springframework.web.client.RestClient#post");
        assertThat(after.prompts()).filteredOn(p -> p.role().equals("system")).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("fix their billing record yourself"));
    }
}
