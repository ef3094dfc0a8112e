package dev.faultline.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.faultline.doc.DocException;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.Server;
import org.junit.jupiter.api.Test;

class McpClientConfigIngesterTest {
    private final McpClientConfigIngester ingester = new McpClientConfigIngester();

    private static Server server(AgentModel model, String name) {
        return model.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsEveryServerOfAClaudeDesktopConfig() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "claude_desktop_config.json");

        assertThat(model.servers()).extracting(Server::name, Server::transport).containsExactly(
                tuple("filesystem", "stdio"), tuple("github", "stdio"), tuple("remote-search", "sse"), tuple("slack", "stdio"));
        Server filesystem = server(model, "filesystem");
        assertThat(filesystem.command()).isEqualTo("npx");
        assertThat(filesystem.args()).containsExactly("-y", "@modelcontextprotocol/server-filesystem",
                "/Users/alex/Documents", "/Users/alex/Desktop");
        assertThat(filesystem.location().startLine()).isEqualTo(3);
        assertThat(filesystem.location().pointer()).isEqualTo("/mcpServers/filesystem");
        assertThat(filesystem.credentials()).isEmpty();
        assertThat(model.servers()).noneMatch(Server::toolsKnown);
    }

    @Test
    void inlineEnvSecretIsFlaggedAndNeverCopied() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "claude_desktop_config.json");

        Server github = server(model, "github");
        assertThat(github.credentials()).extracting(CredentialRef::name, CredentialRef::kind, CredentialRef::inlineSecret)
                .containsExactly(tuple("--api-key", "config", true), tuple("GITHUB_PERSONAL_ACCESS_TOKEN", "env", true));
        assertThat(github.credentials().get(1).location().startLine()).isEqualTo(11);
        assertThat(github.args()).containsExactly("-y", "@modelcontextprotocol/server-github@latest", "--api-key=***");
        String everything = model.toString();
        assertThat(everything).doesNotContain("ghp_16C7e42F292c6912E7710c838347Ae178B4a")
                .doesNotContain("ghp_SeCr3tInArgs").doesNotContain("sk-live-QUERYSECRET");
    }

    @Test
    void referencedSecretsAreNotInline() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "claude_desktop_config.json");

        Server slack = server(model, "slack");
        assertThat(slack.credentials()).extracting(CredentialRef::name, CredentialRef::kind, CredentialRef::inlineSecret)
                .containsExactly(tuple("--token", "config", false), tuple("SLACK_BOT_TOKEN", "env", false),
                        tuple("SLACK_TEAM_ID", "env", false));
        assertThat(slack.args()).containsExactly("run", "-i", "--rm", "-e", "SLACK_BOT_TOKEN", "mcp/slack", "--token", "***");
        Server remote = server(model, "remote-search");
        assertThat(remote.url()).isEqualTo("https://search.example.com/sse?api_key=***");
        assertThat(remote.credentials()).extracting(CredentialRef::name, CredentialRef::kind, CredentialRef::inlineSecret)
                .containsExactly(tuple("Authorization", "header", false));
    }

    @Test
    void serversWithoutASnapshotBecomeUnenumerableToolsCarryingTheirCredentials() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "claude_desktop_config.json");

        assertThat(model.tool("github/*").orElseThrow().credentials()).extracting(CredentialRef::name)
                .contains("GITHUB_PERSONAL_ACCESS_TOKEN");
    }

    @Test
    void readsAVsCodeMcpJsonWithAnHttpServer() throws DocException {
        Fixtures.Loaded loaded = Fixtures.load("mcp.json");
        assertThat(ingester.recognises(loaded.file(), loaded.root())).isTrue();

        AgentModel model = Fixtures.ingest(ingester, "mcp.json");

        Server sentry = server(model, "sentry");
        assertThat(sentry.transport()).isEqualTo("http");
        assertThat(sentry.url()).isEqualTo("https://mcp.sentry.dev/mcp");
        assertThat(sentry.command()).isEmpty();
        assertThat(sentry.credentials()).extracting(CredentialRef::name, CredentialRef::kind, CredentialRef::inlineSecret)
                .containsExactly(tuple("Authorization", "header", false), tuple("X-Org", "header", true));
        assertThat(sentry.credentials().get(1).location().startLine()).isEqualTo(11);
        assertThat(model.toString()).doesNotContain("acme-prod-literal");
        Server playwright = server(model, "playwright");
        assertThat(playwright.transport()).isEqualTo("stdio");
        assertThat(playwright.args()).containsExactly("@playwright/mcp@latest");
    }

    @Test
    void inlineLiteralsAreToldFromReferences() {
        assertThat(SecretText.isInlineLiteral("abc123")).isTrue();
        assertThat(SecretText.isInlineLiteral("Bearer abc123")).isTrue();
        assertThat(SecretText.isInlineLiteral("pa$$word")).isTrue();
        assertThat(SecretText.isInlineLiteral("")).isFalse();
        assertThat(SecretText.isInlineLiteral("${GITHUB_TOKEN}")).isFalse();
        assertThat(SecretText.isInlineLiteral("${env:GITHUB_TOKEN}")).isFalse();
        assertThat(SecretText.isInlineLiteral("Bearer ${input:token}")).isFalse();
        assertThat(SecretText.isInlineLiteral("$GITHUB_TOKEN")).isFalse();
        assertThat(SecretText.isInlineLiteral("Bearer $TOKEN")).isFalse();
        assertThat(SecretText.isInlineLiteral("{{ secrets.TOKEN }}")).isFalse();
        assertThat(SecretText.maskUrl("https://user:hunter2@h.example/x?token=abc&page=2"))
                .isEqualTo("https://user:***@h.example/x?token=***&page=2");
    }

    @Test
    void vsCodeSettingsNestMcpServers() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse(".vscode/settings.json",
                "{\"editor.tabSize\":2,\"mcp\":{\"servers\":{\"time\":{\"command\":\"uvx\",\"args\":[\"mcp-server-time\"]}}}}");
        assertThat(ingester.recognises(loaded.file(), loaded.root())).isTrue();
        ModelBuilder builder = new ModelBuilder();

        ingester.ingest(loaded.file(), loaded.root(), builder);

        assertThat(builder.build().servers()).extracting(Server::name).containsExactly("time");
    }

    @Test
    void serverOfTheWrongTypeOrAnEnvObjectIsAShapeError() throws DocException {
        Fixtures.Loaded list = Fixtures.parse("c.json", "{\"mcpServers\":{\"a\":[]}}");
        assertThatThrownBy(() -> ingester.ingest(list.file(), list.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class).hasMessage("expected an object for server 'a', found array");
        Fixtures.Loaded env = Fixtures.parse("c.json", "{\"mcpServers\":{\"a\":{\"command\":\"x\",\"env\":{\"K\":{}}}}}");
        assertThatThrownBy(() -> ingester.ingest(env.file(), env.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class).hasMessage("expected a value for 'env.K', found object");
        Fixtures.Loaded args = Fixtures.parse("c.json", "{\"mcpServers\":{\"a\":{\"command\":\"x\",\"args\":\"--v\"}}}");
        assertThatThrownBy(() -> ingester.ingest(args.file(), args.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class).hasMessage("expected an array for 'args', found string");
    }
}
