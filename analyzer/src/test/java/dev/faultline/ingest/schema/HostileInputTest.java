package dev.faultline.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.DocException;
import dev.faultline.ingest.DocumentIngester;
import dev.faultline.ingest.ModelBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents with the right top-level shape and wrong insides: only {@link DocException} may come out. */
class HostileInputTest {
    private static final List<String> DOCUMENTS = List.of(
            "{\"tools\":[{\"name\":{},\"inputSchema\":{}}]}",
            "{\"tools\":[{\"name\":\"a\",\"inputSchema\":{\"properties\":[]}}]}",
            "{\"tools\":[{\"name\":\"a\",\"inputSchema\":{\"properties\":{\"p\":7}}}]}",
            "{\"tools\":[{\"name\":\"a\",\"inputSchema\":{\"properties\":{\"p\":true,\"q\":{\"type\":[1,{}]}}}}]}",
            "{\"tools\":[{\"name\":\"a\",\"inputSchema\":{},\"annotations\":[]}]}",
            "{\"server\":[],\"tools\":[{\"name\":\"a\",\"inputSchema\":{}}]}",
            "{\"jsonrpc\":\"2.0\",\"result\":{\"tools\":[null]}}",
            "[{\"type\":\"function\",\"function\":[]}]",
            "[{\"type\":\"function\",\"name\":\"f\",\"parameters\":{\"allOf\":[1]}}]",
            "{\"functions\":[{\"name\":\"f\",\"parameters\":{}}, \"x\"]}",
            "[{\"type\":{},\"function\":{\"name\":\"f\"}},{\"type\":\"function\",\"name\":\"g\"}]",
            "[{\"input_schema\":{},\"name\":[]}]",
            "[{\"type\":\"web_search_20250305\",\"name\":null},{\"name\":\"x\",\"input_schema\":{}}]",
            "{\"mcpServers\":{\"a\":{\"command\":[],\"args\":[]}}}",
            "{\"mcpServers\":{\"a\":{\"command\":\"x\",\"args\":[{}]}}}",
            "{\"mcpServers\":{\"a\":{\"url\":\"https://h/?key=1\",\"headers\":[]}}}",
            "{\"mcpServers\":{\"a\":{\"command\":\"x\",\"args\":[\"--token\"]}}}",
            "{\"mcpServers\":[]}",
            "{\"openapi\":\"3.0.0\",\"paths\":[]}",
            "{\"openapi\":\"3.0.0\",\"info\":\"x\"}",
            "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"get\":{\"parameters\":[{\"$ref\":\"#/nowhere\"},{\"$ref\":[]}]}}}}",
            "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"$ref\":\"#/paths/~1a\"}}}",
            "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"$ref\":\"#/paths/%7E1a/9999999999\"}}}",
            "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"get\":{\"security\":[{\"s\":\"x\"}]}}}}",
            "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"get\":{\"security\":{}}}}}",
            "{\"openapi\":\"3.0.0\",\"components\":{\"securitySchemes\":{\"s\":{\"$ref\":\"other.yaml#/s\"}}},"
                    + "\"paths\":{\"/a\":{\"post\":{\"security\":[{\"s\":[]}],\"requestBody\":{\"content\":{\"text/plain\":{}}}}}}}",
            "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"post\":{\"requestBody\":{\"content\":{\"application/json\":"
                    + "{\"schema\":{\"allOf\":[{\"$ref\":\"#/paths/~1a/post/requestBody/content/application~1json/schema\"}]}}}}}}}}",
            "{\"openapi\":\"3.0.0\",\"servers\":[\"x\"]}");

    @Test
    void onlyDocExceptionsComeOut() throws DocException {
        int recognised = 0;
        for (String text : DOCUMENTS) {
            Fixtures.Loaded loaded = Fixtures.parse("h/hostile.json", text);
            for (DocumentIngester ingester : SchemaIngesters.all()) {
                if (!ingester.recognises(loaded.file(), loaded.root())) {
                    continue;
                }
                recognised++;
                try {
                    ingester.ingest(loaded.file(), loaded.root(), new ModelBuilder());
                } catch (DocException expected) {
                    assertThat(expected.location()).as(text).isNotNull();
                    assertThat(expected.location().path()).isEqualTo("h/hostile.json");
                } catch (RuntimeException e) {
                    throw new AssertionError(ingester.kind() + " threw " + e + " on " + text, e);
                }
            }
        }
        assertThat(recognised).isGreaterThanOrEqualTo(DOCUMENTS.size() - 2);
    }
}
