package dev.faultline.ingest.schema;

import dev.faultline.ingest.DocumentIngester;
import java.util.List;

/** The ingesters of tool-schema and MCP-config documents, in the order discovery must try them. */
public final class SchemaIngesters {
    private SchemaIngesters() {
    }

    /** MCP client config, OpenAPI, MCP tools/list, OpenAI tools, Anthropic tools: the first that recognises a document reads it. */
    public static List<DocumentIngester> all() {
        return List.of(new McpClientConfigIngester(), new OpenApiIngester(), new McpToolsIngester(),
                new OpenAiToolsIngester(), new AnthropicToolsIngester());
    }
}
