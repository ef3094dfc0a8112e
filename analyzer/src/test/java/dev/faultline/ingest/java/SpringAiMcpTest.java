package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.model.AgentModel;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import org.junit.jupiter.api.Test;

/** Spring AI tools exposed through MethodToolCallbackProvider, and MCP server @McpTool methods. */
class SpringAiMcpTest {

    @Test
    void providerToolsAreBoundAndMcpToolsAreRead() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.fixture("spring-ai-mcp"));
        assertThat(m.tools()).extracting(Tool::id, Tool::origin).containsExactly(
                tuple("AlertService/get_alerts", "spring-ai-mcp"),
                tuple("ForecastService/getForecast", "spring-ai"));
        assertThat(m.agents()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("McpServerConfig");
            assertThat(a.tools()).containsExactly("ForecastService/getForecast");
        });
        Tool alerts = m.tool("AlertService/get_alerts").orElseThrow();
        assertThat(alerts.parameters()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("state");
            assertThat(p.description()).isEqualTo("two-letter state code");
        });
        assertThat(alerts.signals()).extracting(Signal::kind, Signal::value)
                .containsExactly(tuple("call", "org.springframework.web.client.RestClient#get"));
        assertThat(m.tool("ForecastService/getForecast").orElseThrow().parameters())
                .extracting(p -> p.name() + ":" + p.type()).containsExactly("latitude:number", "longitude:number");
    }
}
