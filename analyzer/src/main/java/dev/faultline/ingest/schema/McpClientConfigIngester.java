package dev.faultline.ingest.schema;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.ingest.DocumentIngester;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Server;
import dev.faultline.report.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an MCP client config: {@code mcpServers} (Claude Desktop, Claude Code, Cursor, Windsurf)
 * or VS Code's {@code servers} (also nested in settings as {@code mcp.servers}). Each server's
 * {@code env} keys and {@code headers} become credentials, marked {@code inlineSecret} when the
 * value is written literally. Secret values are never copied: secret-looking command-line options
 * and URL parts are masked.
 */
public final class McpClientConfigIngester implements DocumentIngester {

    @Override
    public String kind() {
        return "mcp-config";
    }

    @Override
    public boolean recognises(SourceFile file, DocNode root) {
        return serversNode(root).isPresent();
    }

    /** The map of servers, when the document has one of the known shapes. */
    private static Optional<DocMap> serversNode(DocNode root) {
        if (!(root instanceof DocMap m)) {
            return Optional.empty();
        }
        Optional<DocMap> mcpServers = m.map("mcpServers");
        if (mcpServers.isPresent()) {
            return mcpServers;
        }
        return m.map("servers").or(() -> m.map("mcp").flatMap(mcp -> mcp.map("servers")))
                .filter(McpClientConfigIngester::looksLikeServers);
    }

    private static boolean looksLikeServers(DocMap servers) {
        return !servers.entries().isEmpty() && servers.entries().stream()
                .allMatch(e -> DocShapes.hasKey(e.value(), "command") || DocShapes.hasKey(e.value(), "url")
                        || DocShapes.hasKey(e.value(), "serverUrl"));
    }

    @Override
    public void ingest(SourceFile file, DocNode root, ModelBuilder model) throws DocException {
        DocMap config = DocShapes.object(root, "an MCP client config");
        Optional<DocMap> found = serversNode(config);
        if (found.isEmpty() && config.has("mcpServers")) {
            DocShapes.object(config.get("mcpServers").orElseThrow(), "'mcpServers'");
        }
        DocMap servers = found.orElseThrow(() -> new DocException(
                "expected an object of MCP servers under 'mcpServers' or 'servers'", config.location()));
        List<Server> read = new ArrayList<>();
        for (DocMap.Entry entry : servers.entries()) {
            read.add(server(entry.key(), DocShapes.object(entry.value(), "server '" + entry.key() + "'")));
        }
        read.forEach(model::addServer);
    }

    private static Server server(String name, DocMap server) throws DocException {
        String command = DocShapes.text(server, "command", "");
        String url = DocShapes.text(server, "url").or(() -> server.string("serverUrl")).orElse("");
        List<CredentialRef> credentials = new ArrayList<>();
        List<String> args = launchArgs(server, credentials);
        credentials.addAll(namedValues(server, "env", "env"));
        credentials.addAll(namedValues(server, "headers", "header"));
        return new Server(name, transport(server, command), command, args, SecretText.maskUrl(url), server.location(),
                credentials, false);
    }

    private static String transport(DocMap server, String command) throws DocException {
        if (!command.isEmpty()) {
            return "stdio";
        }
        String declared = DocShapes.text(server, "type").or(() -> server.string("transport")).orElse("");
        return declared.toLowerCase(java.util.Locale.ROOT).contains("sse") ? "sse" : "http";
    }

    /**
     * The args as written, except the value of a secret-named option ({@code --api-key=abc} or
     * {@code --token abc}) is masked and recorded as a {@code config} credential.
     */
    private static List<String> launchArgs(DocMap server, List<CredentialRef> credentials) throws DocException {
        List<String> written = DocShapes.texts(server, "args");
        List<String> args = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String arg = written.get(i);
            Location at = argLocation(server, i);
            int eq = arg.indexOf('=');
            String option = eq < 0 ? arg : arg.substring(0, eq);
            if (!SecretText.isSecretOption(option)) {
                args.add(arg);
            } else if (eq >= 0) {
                credentials.add(new CredentialRef(option, "config", List.of(), at, SecretText.isInlineLiteral(arg.substring(eq + 1))));
                args.add(option + "=" + SecretText.MASK);
            } else if (i + 1 < written.size() && !written.get(i + 1).startsWith("-")) {
                credentials.add(new CredentialRef(option, "config", List.of(), argLocation(server, i + 1),
                        SecretText.isInlineLiteral(written.get(i + 1))));
                args.add(arg);
                args.add(SecretText.MASK);
                i++;
            } else {
                args.add(arg);
            }
        }
        return args;
    }

    private static Location argLocation(DocMap server, int index) {
        return server.list("args").map(l -> l.items().get(index).location()).orElse(server.location());
    }

    private static List<CredentialRef> namedValues(DocMap server, String key, String kind) throws DocException {
        Optional<DocMap> values = DocShapes.object(server, key);
        List<CredentialRef> out = new ArrayList<>();
        if (values.isPresent()) {
            for (DocMap.Entry e : values.get().entries()) {
                boolean inline = DocShapes.present(values.get(), e.key()).isPresent()
                        && SecretText.isInlineLiteral(DocShapes.text(e.value(), "'" + key + "." + e.key() + "'"));
                out.add(new CredentialRef(e.key(), kind, List.of(), e.value().location(), inline));
            }
        }
        return out;
    }
}
