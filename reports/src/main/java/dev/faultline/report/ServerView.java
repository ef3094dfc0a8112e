package dev.faultline.report;

import java.util.List;

/**
 * A tool provider: an MCP server from a client config, an OpenAPI service, a tool file.
 * {@code transport} is {@code stdio}, {@code http}, {@code sse}, {@code openapi} or {@code file};
 * {@code launch} the command line or URL as written, with secret values never copied.
 */
public record ServerView(String name, String transport, String launch, Location location, List<String> tools) {

    public ServerView {
        tools = List.copyOf(tools);
    }
}
