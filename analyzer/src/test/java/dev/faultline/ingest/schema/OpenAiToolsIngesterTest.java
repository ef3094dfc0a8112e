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

class OpenAiToolsIngesterTest {
    private final OpenAiToolsIngester ingester = new OpenAiToolsIngester();

    @Test
    void readsChatCompletionsAndResponsesFormsInOneFile() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "travel-agent-tools.json");

        assertThat(model.tools()).extracting(Tool::id).containsExactly(
                "travel-agent/book_flight", "travel-agent/cancel_booking", "travel-agent/search_flights",
                "travel-agent/web_search_preview");
        Tool search = model.tool("travel-agent/search_flights").orElseThrow();
        assertThat(search.origin()).isEqualTo("openai");
        assertThat(search.description()).isEqualTo("Search for available flights between two airports on a date.");
        assertThat(search.location().startLine()).isEqualTo(2);
        assertThat(search.location().pointer()).isEqualTo("/0");
        assertThat(search.parameters()).extracting(Parameter::name, Parameter::type, Parameter::description).containsExactly(
                tuple("origin", "string", "IATA code of the departure airport"),
                tuple("destination", "string", "IATA code of the arrival airport"),
                tuple("date", "string", ""));
        assertThat(search.parameters().get(0).location().startLine()).isEqualTo(10);
        assertThat(search.signals()).isEmpty();
    }

    @Test
    void flatResponsesApiFunctionIsATool() throws DocException {
        Tool cancel = Fixtures.ingest(ingester, "travel-agent-tools.json").tool("travel-agent/cancel_booking").orElseThrow();

        assertThat(cancel.location().startLine()).isEqualTo(34);
        assertThat(cancel.parameters()).extracting(Parameter::name, Parameter::description)
                .containsExactly(tuple("booking_ref", "PNR"));
    }

    @Test
    void builtInToolIsKeptAsACapabilityWithItsType() throws DocException {
        Tool web = Fixtures.ingest(ingester, "travel-agent-tools.json").tool("travel-agent/web_search_preview").orElseThrow();

        assertThat(web.signals()).extracting(Signal::kind, Signal::value)
                .containsExactly(tuple("openai-builtin-tool", "web_search_preview"));
        assertThat(web.description()).isEqualTo("OpenAI built-in tool web_search_preview");
    }

    @Test
    void legacyFunctionsListIsRead() throws DocException {
        Fixtures.Loaded loaded = Fixtures.load("legacy-functions.json");
        assertThat(ingester.recognises(loaded.file(), loaded.root())).isTrue();

        AgentModel model = Fixtures.ingest(ingester, "legacy-functions.json");

        assertThat(model.tools()).extracting(Tool::id).containsExactly(
                "legacy-functions/lookup_order", "legacy-functions/refund_order");
        assertThat(model.tool("legacy-functions/refund_order").orElseThrow().parameters())
                .extracting(Parameter::name, Parameter::type)
                .containsExactly(tuple("order_id", "string"), tuple("amount", "number"));
    }

    @Test
    void toolsUnderAToolsKeyOfARequestBodyAreRead() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse("support/request.json", """
                {"model": "gpt-4o", "messages": [],
                 "tools": [{"type": "function", "function": {"name": "escalate", "parameters": {"type": "object"}}}]}
                """);
        assertThat(ingester.recognises(loaded.file(), loaded.root())).isTrue();
        ModelBuilder builder = new ModelBuilder();

        ingester.ingest(loaded.file(), loaded.root(), builder);

        assertThat(builder.build().tools()).extracting(Tool::id).containsExactly("request/escalate");
    }

    @Test
    void functionWithoutANameFailsAtTheFunctionObject() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse("a/tools.json", """
                [
                  {"type": "function",
                   "function": {"description": "nameless"}}
                ]
                """);

        assertThatThrownBy(() -> ingester.ingest(loaded.file(), loaded.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class)
                .hasMessageContaining("no 'name'")
                .satisfies(e -> assertThat(((DocException) e).location().startLine()).isEqualTo(3));
    }

    @Test
    void parametersOfTheWrongTypeAreAShapeError() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse("a/tools.json",
                "[{\"type\":\"function\",\"function\":{\"name\":\"x\",\"parameters\":\"none\"}}]");

        assertThatThrownBy(() -> ingester.ingest(loaded.file(), loaded.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class)
                .hasMessage("expected an object for 'parameters', found string");
    }
}
