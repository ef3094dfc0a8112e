package com.example.search;

import com.acme.vendor.search.VendorHandlers;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

/** An MCP server whose one tool is handled by a vendor library the project does not contain. */
public class SearchServer {
    private static final String QUERY_SCHEMA = """
            {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}
            """;

    public static void main(String[] args) {
        McpServer.sync(new StdioServerTransportProvider())
                .serverInfo("search", "0.4.0")
                .tools(lookupDocs())
                .build();
    }

    static McpServerFeatures.SyncToolSpecification lookupDocs() {
        var tool = new McpSchema.Tool("lookup_docs", "Looks up the product documentation", QUERY_SCHEMA);
        return new McpServerFeatures.SyncToolSpecification(tool, VendorHandlers.searchHandler());
    }
}
