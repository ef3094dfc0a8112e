package dev.faultline.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.doc.DocException;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.AgentModel;
import dev.faultline.model.Parameter;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import org.junit.jupiter.api.Test;

class AnthropicToolsIngesterTest {
    private final AnthropicToolsIngester ingester = new AnthropicToolsIngester();

    @Test
    void readsClientToolsWithTheirInputSchema() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "support-anthropic-tools.json");

        assertThat(model.tools()).extracting(Tool::id).containsExactly(
                "support-anthropic/bash", "support-anthropic/get_ticket", "support-anthropic/send_reply",
                "support-anthropic/web_search");
        Tool ticket = model.tool("support-anthropic/get_ticket").orElseThrow();
        assertThat(ticket.origin()).isEqualTo("anthropic");
        assertThat(ticket.description()).isEqualTo("Fetch a support ticket with its customer messages.");
        assertThat(ticket.location().startLine()).isEqualTo(3);
        assertThat(ticket.location().pointer()).isEqualTo("/tools/0");
        assertThat(ticket.parameters()).extracting(Parameter::name, Parameter::type, Parameter::description)
                .containsExactly(tuple("ticket_id", "string", "Zendesk ticket id"));
        assertThat(ticket.signals()).isEmpty();
    }

    @Test
    void serverToolsAreToolsWithTheirTypeAsASignal() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "support-anthropic-tools.json");

        Tool web = model.tool("support-anthropic/web_search").orElseThrow();
        assertThat(web.description()).isEqualTo("Anthropic server tool web_search_20250305");
        assertThat(web.signals()).extracting(Signal::kind, Signal::value)
                .containsExactly(tuple("anthropic-server-tool", "web_search_20250305"));
        assertThat(web.signals().get(0).location().startLine()).isEqualTo(25);
        assertThat(web.signals().get(0).location().pointer()).isEqualTo("/tools/2/type");
        assertThat(model.tool("support-anthropic/bash").orElseThrow().signals())
                .extracting(Signal::value).containsExactly("bash_20250124");
    }

    @Test
    void toolWithoutANameFails() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse("a/claude-tools.json",
                "[{\"name\":\"a\",\"input_schema\":{}},\n {\"input_schema\":{}}]");

        assertThatThrownBy(() -> ingester.ingest(loaded.file(), loaded.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class)
                .satisfies(e -> assertThat(((DocException) e).location().startLine()).isEqualTo(2));
    }
}
