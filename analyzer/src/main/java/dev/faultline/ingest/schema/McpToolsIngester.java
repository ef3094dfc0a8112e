package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.DocScalar;
import dev.faultline.ingest.DocumentIngester;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.Parameter;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a snapshot of an MCP server's {@code tools/list} result: {@code {"tools":[...]}}, the
 * JSON-RPC response around it, or a bare array of tools. Annotations become {@code mcp-annotation}
 * signals exactly as the MCP spec defines them: {@code destructiveHint} only counts when the tool
 * is not read-only, {@code openWorldHint} is reported for read-only tools (their output is
 * untrusted). Missing annotations give no signal; the classifier applies MCP's worst-case defaults.
 */
public final class McpToolsIngester implements DocumentIngester {
    static final String SIGNAL = "mcp-annotation";

    @Override
    public String kind() {
        return "mcp-tools";
    }

    @Override
    public boolean recognises(SourceFile file, DocNode root) {
        if (root instanceof DocMap m && m.has("jsonrpc") && m.map("result").flatMap(r -> r.list("tools")).isPresent()) {
            return true;
        }
        return ToolLists.find(root)
                .filter(l -> ToolLists.anyItem(l, t -> t.has("inputSchema")))
                .filter(l -> !ToolLists.anyItem(l, t -> t.has("input_schema") || t.has("function")
                        || t.string("type").filter("function"::equals).isPresent()))
                .isPresent();
    }

    @Override
    public void ingest(SourceFile file, DocNode root, ModelBuilder model) throws DocException {
        DocList tools = ToolLists.require(root);
        String toolset = toolset(file, root);
        List<Tool> read = new ArrayList<>();
        for (DocNode item : tools.items()) {
            read.add(tool(toolset, DocShapes.object(item, "a tool")));
        }
        read.forEach(model::addTool);
    }

    private static String toolset(SourceFile file, DocNode root) throws DocException {
        if (root instanceof DocMap m) {
            Optional<DocNode> server = DocShapes.present(m, "server");
            if (server.isPresent()) {
                String name = server.get() instanceof DocMap s
                        ? DocShapes.text(s, "name", "")
                        : DocShapes.text(server.get(), "'server'");
                if (!name.isBlank()) {
                    return name;
                }
            }
        }
        return ToolsetNames.fromFile(file);
    }

    private static Tool tool(String toolset, DocMap tool) throws DocException {
        String name = DocShapes.text(tool, "name")
                .filter(n -> !n.isBlank())
                .orElseThrow(() -> new DocException("MCP tool has no 'name'", tool.location()));
        String description = DocShapes.text(tool, "description", "");
        List<Parameter> parameters = List.of();
        Optional<DocMap> inputSchema = DocShapes.object(tool, "inputSchema");
        if (inputSchema.isPresent()) {
            parameters = JsonSchemaParameters.of(inputSchema.get(), SchemaResolver.NONE);
        }
        List<Signal> signals = new ArrayList<>();
        Optional<DocMap> annotations = DocShapes.object(tool, "annotations");
        if (annotations.isPresent()) {
            annotationSignals(annotations.get(), signals);
        }
        return new Tool(Tool.idOf(toolset, name), toolset, name, "mcp", description, tool.location(),
                parameters, signals, List.of());
    }

    private static void annotationSignals(DocMap annotations, List<Signal> signals) throws DocException {
        Optional<DocScalar> readOnly = DocShapes.bool(annotations, "readOnlyHint");
        Optional<DocScalar> destructive = DocShapes.bool(annotations, "destructiveHint");
        Optional<DocScalar> openWorld = DocShapes.bool(annotations, "openWorldHint");
        if (readOnly.isPresent() && readOnly.get().isTrue()) {
            signals.add(Signal.of(SIGNAL, "readOnlyHint=true", readOnly.get().location()));
            if (openWorld.isPresent() && openWorld.get().isTrue()) {
                signals.add(Signal.of(SIGNAL, "openWorldRead=true", openWorld.get().location()));
            }
        } else if (destructive.isPresent()) {
            signals.add(Signal.of(SIGNAL, "destructiveHint=" + destructive.get().isTrue(), destructive.get().location()));
        }
    }
}
