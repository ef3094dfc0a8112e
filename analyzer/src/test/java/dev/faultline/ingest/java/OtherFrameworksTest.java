package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.model.Agent;
import dev.faultline.model.AgentModel;
import dev.faultline.model.Prompt;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import org.junit.jupiter.api.Test;

/** Semantic Kernel, Quarkus MCP and Google ADK tools, read from their annotations and registrations. */
class OtherFrameworksTest {

    @Test
    void annotatedToolsOfEachFrameworkAreFound() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.fixture("other-frameworks"));
        assertThat(m.tools()).extracting(Tool::id, Tool::origin).containsExactly(
                tuple("LightsPlugin/change_state", "semantic-kernel"),
                tuple("ThermostatTools/set_target", "quarkus-mcp"),
                tuple("WeatherAgent/get_forecast", "google-adk"));
        assertThat(m.tool("LightsPlugin/change_state").orElseThrow().parameters())
                .extracting(p -> p.name() + ":" + p.type()).containsExactly("id:integer", "on:boolean");
        Tool thermostat = m.tool("ThermostatTools/set_target").orElseThrow();
        assertThat(thermostat.parameters()).singleElement().satisfies(p -> assertThat(p.description()).isEqualTo("target temperature"));
        assertThat(thermostat.signals()).extracting(Signal::kind, Signal::value).containsExactly(
                tuple("call", "java.lang.Runtime#exec"), tuple("argument-flow", "command:celsius"));
    }

    @Test
    void registrationsBindToolsToAgents() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.fixture("other-frameworks"));
        assertThat(m.agents()).extracting(Agent::name, Agent::tools).containsExactly(
                tuple("HomeKernel", java.util.List.of("LightsPlugin/change_state")),
                tuple("weather_agent", java.util.List.of("WeatherAgent/get_forecast")));
        assertThat(m.prompts()).extracting(Prompt::agent, Prompt::role, Prompt::text)
                .containsExactly(tuple("weather_agent", "instruction", "You answer questions about the weather at home."));
        assertThat(m.notifications()).anySatisfy(n -> assertThat(n.message()).contains("ThermostatTools/set_target is bound to no agent"));
    }
}
