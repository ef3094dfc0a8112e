package com.example.notes;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A stdio MCP server over a folder of Markdown notes. */
public class NotesServer {
    private static final Path NOTES = Path.of(System.getProperty("user.home"), "notes");
    private static final String NAME_SCHEMA = """
            {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
            """;

    private final NoteStore store = new NoteStore(NOTES);

    public static void main(String[] args) {
        NotesServer notes = new NotesServer();
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider())
                .serverInfo("notes", "1.2.0")
                .tools(notes.readNote(), notes.deleteNote())
                .build();
    }

    McpServerFeatures.SyncToolSpecification readNote() {
        var tool = new McpSchema.Tool("read_note", "Reads a note by its file name", NAME_SCHEMA);
        return new McpServerFeatures.SyncToolSpecification(tool, (exchange, arguments) -> {
            String name = (String) arguments.get("name");
            try {
                String text = Files.readString(NOTES.resolve(name));
                return new CallToolResult(List.of(new McpSchema.TextContent(text)), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    McpServerFeatures.SyncToolSpecification deleteNote() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder()
                        .name("delete_note")
                        .description("Deletes a note")
                        .inputSchema(NAME_SCHEMA)
                        .build())
                .callHandler((exchange, request) -> {
                    store.delete((String) request.arguments().get("name"));
                    return CallToolResult.builder().addTextContent("deleted").build();
                })
                .build();
    }

    McpServerFeatures.SyncToolSpecification generated(String toolName) {
        return new McpServerFeatures.SyncToolSpecification(
                new McpSchema.Tool(toolName, "generated at run time", NAME_SCHEMA), (exchange, arguments) -> null);
    }
}
