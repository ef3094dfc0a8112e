package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.ingest.DocumentIngester;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.Parameter;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Anthropic Messages API tool definitions ({@code {name, description, input_schema}}), as a
 * bare array or under {@code tools}. Anthropic-defined tools ({@code "type":"web_search_20250305"},
 * {@code bash_20250124}, ...) are real capabilities: each becomes a tool named by its {@code name}
 * with an {@code anthropic-server-tool} signal holding the type.
 */
public final class AnthropicToolsIngester implements DocumentIngester {
    static final String SERVER_TOOL_SIGNAL = "anthropic-server-tool";
    private static final Pattern VERSIONED_TYPE = Pattern.compile("[a-z][a-z0-9_]*_\\d{8}");

    @Override
    public String kind() {
        return "anthropic-tools";
    }

    @Override
    public boolean recognises(SourceFile file, DocNode root) {
        return ToolLists.find(root)
                .filter(l -> ToolLists.anyItem(l, t -> t.has("input_schema")
                        || (t.has("name") && t.string("type").filter(ty -> VERSIONED_TYPE.matcher(ty).matches()).isPresent())))
                .filter(l -> !ToolLists.anyItem(l, t -> t.has("inputSchema") || t.has("function")))
                .isPresent();
    }

    @Override
    public void ingest(SourceFile file, DocNode root, ModelBuilder model) throws DocException {
        String toolset = ToolsetNames.fromFile(file);
        List<Tool> read = new ArrayList<>();
        for (DocNode item : ToolLists.require(root).items()) {
            read.add(tool(toolset, DocShapes.object(item, "a tool")));
        }
        read.forEach(model::addTool);
    }

    private static Tool tool(String toolset, DocMap tool) throws DocException {
        String name = DocShapes.text(tool, "name")
                .filter(n -> !n.isBlank())
                .orElseThrow(() -> new DocException("Anthropic tool has no 'name'", tool.location()));
        Optional<String> type = DocShapes.text(tool, "type").filter(t -> !t.equals("custom"));
        if (type.isPresent()) {
            Signal serverTool = Signal.of(SERVER_TOOL_SIGNAL, type.get(), tool.get("type").orElseThrow().location());
            return new Tool(Tool.idOf(toolset, name), toolset, name, "anthropic", "Anthropic server tool " + type.get(),
                    tool.location(), List.of(), List.of(serverTool), List.of());
        }
        String description = DocShapes.text(tool, "description", "");
        List<Parameter> parameters = List.of();
        Optional<DocMap> schema = DocShapes.object(tool, "input_schema");
        if (schema.isPresent()) {
            parameters = JsonSchemaParameters.of(schema.get(), SchemaResolver.NONE);
        }
        return new Tool(Tool.idOf(toolset, name), toolset, name, "anthropic", description, tool.location(),
                parameters, List.of(), List.of());
    }
}
