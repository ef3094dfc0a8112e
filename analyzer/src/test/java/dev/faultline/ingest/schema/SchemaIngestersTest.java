package dev.faultline.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.DocException;
import dev.faultline.ingest.DocumentIngester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaIngestersTest {

    /** The kind of the first ingester that recognises the fixture, as discovery picks it; "none" if none does. */
    private static String detected(String fixture) throws DocException {
        Fixtures.Loaded loaded = Fixtures.load(fixture);
        return SchemaIngesters.all().stream()
                .filter(i -> i.recognises(loaded.file(), loaded.root()))
                .map(DocumentIngester::kind)
                .findFirst().orElse("none");
    }

    @Test
    void ingestersAreTriedInDetectionOrder() {
        assertThat(SchemaIngesters.all()).extracting(DocumentIngester::kind)
                .containsExactly("mcp-config", "openapi", "mcp-tools", "openai-tools", "anthropic-tools");
    }

    @ParameterizedTest
    @CsvSource({
        "github.tools.json, mcp-tools",
        "jsonrpc-tools-list.json, mcp-tools",
        "unnamed-tool.json, mcp-tools",
        "travel-agent-tools.json, openai-tools",
        "legacy-functions.json, openai-tools",
        "support-anthropic-tools.json, anthropic-tools",
        "claude_desktop_config.json, mcp-config",
        "mcp.json, mcp-config",
        "billing-openapi.yaml, openapi",
        "package.json, none",
        "tsconfig.json, none",
    })
    void eachFixtureIsRecognisedByExactlyTheRightIngester(String fixture, String kind) throws DocException {
        assertThat(detected(fixture)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({
        "github.tools.json, mcp-tools",
        "travel-agent-tools.json, openai-tools",
        "legacy-functions.json, openai-tools",
        "support-anthropic-tools.json, anthropic-tools",
        "claude_desktop_config.json, mcp-config",
        "mcp.json, mcp-config",
        "billing-openapi.yaml, openapi",
    })
    void noOtherIngesterClaimsAFixture(String fixture, String kind) throws DocException {
        Fixtures.Loaded loaded = Fixtures.load(fixture);
        List<String> claimants = SchemaIngesters.all().stream()
                .filter(i -> i.recognises(loaded.file(), loaded.root()))
                .map(DocumentIngester::kind).toList();
        assertThat(claimants).containsExactly(kind);
    }

    @Test
    void unrelatedDocumentsAreNotRecognised() throws DocException {
        for (String text : List.of("[]", "[1, 2]", "{}", "\"tools\"", "{\"tools\": []}", "{\"tools\": [\"eslint\"]}",
                "{\"servers\": [{\"url\": \"https://x\"}]}", "{\"servers\": {}}", "{\"openapi\": 3}",
                "{\"functions\": {\"a\": 1}}", "{\"result\": {\"tools\": 5}}")) {
            Fixtures.Loaded loaded = Fixtures.parse("x/any.json", text);
            assertThat(SchemaIngesters.all()).as(text).noneMatch(i -> i.recognises(loaded.file(), loaded.root()));
        }
    }
}
