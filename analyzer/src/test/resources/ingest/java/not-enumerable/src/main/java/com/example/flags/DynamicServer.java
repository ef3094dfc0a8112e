package com.example.flags;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

public class DynamicServer {

    record ToolDef(String name, String description, String schema) {
    }

    List<McpServerFeatures.SyncToolSpecification> specs(List<ToolDef> defs) {
        List<McpServerFeatures.SyncToolSpecification> out = new ArrayList<>();
        for (ToolDef d : defs) {
            out.add(new McpServerFeatures.SyncToolSpecification(new McpSchema.Tool(d.name(), d.description(), d.schema()),
                    (exchange, arguments) -> null));
        }
        return out;
    }
}
