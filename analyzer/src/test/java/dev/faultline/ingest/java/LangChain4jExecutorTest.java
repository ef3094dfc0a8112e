package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.model.AgentModel;
import dev.faultline.model.Signal;
import org.junit.jupiter.api.Test;

/** LangChain4j tools given as a ToolSpecification plus a ToolExecutor lambda. */
class LangChain4jExecutorTest {

    @Test
    void specificationAndExecutorMakeABoundTool() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.fixture("langchain4j-executors"));
        assertThat(m.tools()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("BookingAssistantConfig/cancel_booking");
            assertThat(t.origin()).isEqualTo("langchain4j");
            assertThat(t.description()).isEqualTo("Cancels a booking by its booking number");
            assertThat(t.signals()).extracting(Signal::kind, Signal::value).containsExactly(
                    tuple("call", "org.springframework.jdbc.core.JdbcTemplate#update"),
                    tuple("argument-flow", "sql:bookingNumber"));
        });
        assertThat(m.agents()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("BookingAssistant");
            assertThat(a.tools()).containsExactly("BookingAssistantConfig/cancel_booking");
        });
        assertThat(m.prompts()).singleElement().satisfies(p -> {
            assertThat(p.agent()).isEqualTo("BookingAssistant");
            assertThat(p.role()).isEqualTo("system");
            assertThat(p.text()).startsWith("You are the booking assistant").endsWith("the customer's name.");
            assertThat(p.location().display()).isEqualTo("src/main/resources/prompts/booking-system.txt:1:1");
        });
    }
}
