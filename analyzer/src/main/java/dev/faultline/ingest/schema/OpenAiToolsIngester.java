package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
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

/**
 * Reads OpenAI tool definitions: Chat Completions {@code {"type":"function","function":{...}}},
 * the Responses API's flat {@code {"type":"function","name":...}}, and the legacy
 * {@code {"functions":[...]}}, as a bare array or under {@code tools}. A built-in tool of another
 * type ({@code web_search}, {@code code_interpreter}, ...) is a real capability too: it becomes a
 * tool named by its type with an {@code openai-builtin-tool} signal.
 */
public final class OpenAiToolsIngester implements DocumentIngester {
    static final String BUILTIN_SIGNAL = "openai-builtin-tool";

    @Override
    public String kind() {
        return "openai-tools";
    }

    @Override
    public boolean recognises(SourceFile file, DocNode root) {
        if (root instanceof DocMap m && m.list("functions")
                .filter(l -> ToolLists.anyItem(l, f -> f.has("name") && f.has("parameters"))).isPresent()) {
            return true;
        }
        return ToolLists.find(root)
                .filter(l -> ToolLists.anyItem(l, t -> t.string("type").filter("function"::equals).isPresent()
                        && (t.has("function") || t.has("name"))))
                .isPresent();
    }

    @Override
    public void ingest(SourceFile file, DocNode root, ModelBuilder model) throws DocException {
        String toolset = ToolsetNames.fromFile(file);
        List<Tool> read = new ArrayList<>();
        if (root instanceof DocMap m && m.has("functions") && !m.has("tools")) {
            DocList functions = DocShapes.array(m.get("functions").orElseThrow(), "'functions'");
            for (DocNode item : functions.items()) {
                DocMap function = DocShapes.object(item, "a function");
                read.add(function(toolset, function, function));
            }
        } else {
            for (DocNode item : ToolLists.require(root).items()) {
                read.add(tool(toolset, DocShapes.object(item, "a tool")));
            }
        }
        read.forEach(model::addTool);
    }

    private static Tool tool(String toolset, DocMap tool) throws DocException {
        String type = DocShapes.text(tool, "type", "function");
        if (type.equals("function")) {
            Optional<DocMap> nested = DocShapes.object(tool, "function");
            return function(toolset, tool, nested.orElse(tool));
        }
        String name = DocShapes.text(tool, "name").or(() -> tool.string("server_label")).orElse(type);
        Signal builtin = Signal.of(BUILTIN_SIGNAL, type, tool.get("type").orElseThrow().location());
        return new Tool(Tool.idOf(toolset, name), toolset, name, "openai", "OpenAI built-in tool " + type,
                tool.location(), List.of(), List.of(builtin), List.of());
    }

    /** A function definition; {@code tool} is the list item (its location), {@code function} holds the fields. */
    private static Tool function(String toolset, DocMap tool, DocMap function) throws DocException {
        String name = DocShapes.text(function, "name")
                .filter(n -> !n.isBlank())
                .orElseThrow(() -> new DocException("OpenAI function has no 'name'", function.location()));
        String description = DocShapes.text(function, "description", "");
        List<Parameter> parameters = List.of();
        Optional<DocMap> schema = DocShapes.object(function, "parameters");
        if (schema.isPresent()) {
            parameters = JsonSchemaParameters.of(schema.get(), SchemaResolver.NONE);
        }
        return new Tool(Tool.idOf(toolset, name), toolset, name, "openai", description, tool.location(),
                parameters, List.of(), List.of());
    }
}
