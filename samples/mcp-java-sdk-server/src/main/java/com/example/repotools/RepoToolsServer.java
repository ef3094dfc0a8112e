package com.example.repotools;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.nio.file.Path;
import java.util.List;

/** repo-tools: lets the IDE assistant read the checked-out repository and tidy its branches on GitHub. */
public final class RepoToolsServer {
    private static final String PATH_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "description": "file path relative to the repository root"}
              },
              "required": ["path"]
            }
            """;
    private static final String BRANCH_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "branch": {"type": "string", "description": "name of the branch to delete, without refs/heads/"}
              },
              "required": ["branch"]
            }
            """;
    private static final String STATE_SCHEMA = """
            {"type": "object", "properties": {"state": {"type": "string", "enum": ["open", "closed"]}}}
            """;

    private final RepoFiles files;
    private final GitHubClient github;

    RepoToolsServer(RepoFiles files, GitHubClient github) {
        this.files = files;
        this.github = github;
    }

    public static void main(String[] args) {
        RepoFiles files = new RepoFiles(Path.of(args.length > 0 ? args[0] : "."));
        // one token reads pull requests and deletes branches
        // expect: shared-credential GITHUB_TOKEN
        GitHubClient github = new GitHubClient(System.getenv("GITHUB_TOKEN"), "example/widgets");
        RepoToolsServer tools = new RepoToolsServer(files, github);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider())
                .serverInfo("repo-tools", "0.4.2")
                .tools(tools.readFile(), tools.listPullRequests(), tools.deleteBranch())
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::closeGracefully));
    }

    // ok: blast-radius
    SyncToolSpecification readFile() {
        var tool = new McpSchema.Tool("read_file", "Reads a text file of the checked-out repository", PATH_SCHEMA,
                new ToolAnnotations("Read file", true, false, true, false, false));
        return new SyncToolSpecification(tool, (exchange, arguments) ->
                text(files.read((String) arguments.get("path"))));
    }

    SyncToolSpecification listPullRequests() {
        var tool = new McpSchema.Tool("list_pull_requests", "Lists the repository's pull requests with their titles and descriptions",
                STATE_SCHEMA, new ToolAnnotations("List pull requests", true, false, true, true, false));
        return new SyncToolSpecification(tool, (exchange, arguments) ->
                text(github.pullRequests((String) arguments.getOrDefault("state", "open"))));
    }

    SyncToolSpecification deleteBranch() {
        // expect: blast-radius RepoToolsServer/delete_branch=irreversible
        // expect: taint-path ide-assistant:RepoToolsServer/delete_branch
        var tool = new McpSchema.Tool("delete_branch", "Deletes a merged branch from GitHub", BRANCH_SCHEMA,
                new ToolAnnotations("Delete branch", false, true, true, true, false));
        return new SyncToolSpecification(tool, (exchange, arguments) -> {
            github.deleteBranch((String) arguments.get("branch"));
            return text("deleted " + arguments.get("branch"));
        });
    }

    /** A helper that wraps text in a result; it is no tool. */
    private static CallToolResult text(String body) {
        return new CallToolResult(List.of(new McpSchema.TextContent(body)), false);
    }
}
