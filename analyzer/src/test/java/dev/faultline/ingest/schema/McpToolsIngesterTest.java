package dev.faultline.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.doc.DocException;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.AgentModel;
import dev.faultline.model.Parameter;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpToolsIngesterTest {
    private final McpToolsIngester ingester = new McpToolsIngester();

    @Test
    void readsEveryToolOfAGithubSnapshotInOneToolsetNamedAfterTheFile() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "github.tools.json");

        assertThat(model.tools()).extracting(Tool::id).containsExactly(
                "github/create_issue", "github/delete_file", "github/get_issue", "github/list_commits",
                "github/merge_pull_request", "github/push_files");
        assertThat(model.tools()).allSatisfy(t -> {
            assertThat(t.origin()).isEqualTo("mcp");
            assertThat(t.toolset()).isEqualTo("github");
        });
    }

    @Test
    void readOnlyOpenWorldToolGivesReadOnlyAndOpenWorldReadSignalsAtTheAnnotationValues() throws DocException {
        Tool tool = Fixtures.ingest(ingester, "github.tools.json").tool("github/get_issue").orElseThrow();

        assertThat(tool.signals()).extracting(Signal::kind, Signal::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mcp-annotation", "readOnlyHint=true"),
                org.assertj.core.groups.Tuple.tuple("mcp-annotation", "openWorldRead=true"));
        assertThat(tool.signals().get(0).location().startLine()).isEqualTo(15);
        assertThat(tool.signals().get(0).location().pointer()).isEqualTo("/tools/0/annotations/readOnlyHint");
        assertThat(tool.signals().get(1).location().pointer()).isEqualTo("/tools/0/annotations/openWorldHint");
        assertThat(tool.description()).isEqualTo("Get details of a specific issue in a GitHub repository.");
        assertThat(tool.location().startLine()).isEqualTo(3);
        assertThat(tool.location().pointer()).isEqualTo("/tools/0");
    }

    @Test
    void parametersComeFromInputSchemaPropertiesWithTypeDescriptionAndLine() throws DocException {
        Tool tool = Fixtures.ingest(ingester, "github.tools.json").tool("github/get_issue").orElseThrow();

        assertThat(tool.parameters()).extracting(Parameter::name, Parameter::type, Parameter::description).containsExactly(
                org.assertj.core.groups.Tuple.tuple("owner", "string", "Repository owner"),
                org.assertj.core.groups.Tuple.tuple("repo", "string", "Repository name"),
                org.assertj.core.groups.Tuple.tuple("issue_number", "number", "The number of the issue"));
        assertThat(tool.parameters().get(0).location().startLine()).isEqualTo(9);
        assertThat(tool.parameters().get(0).location().pointer()).isEqualTo("/tools/0/inputSchema/properties/owner");
        Tool create = Fixtures.ingest(ingester, "github.tools.json").tool("github/create_issue").orElseThrow();
        assertThat(create.parameters()).filteredOn(p -> p.name().equals("body"))
                .extracting(Parameter::type).containsExactly("string|null");
    }

    @Test
    void readOnlyWithoutOpenWorldGivesOnlyTheReadOnlySignal() throws DocException {
        Tool tool = Fixtures.ingest(ingester, "github.tools.json").tool("github/list_commits").orElseThrow();

        assertThat(tool.signals()).extracting(Signal::value).containsExactly("readOnlyHint=true");
    }

    @Test
    void destructiveHintCountsOnlyWhenTheToolIsNotReadOnly() throws DocException {
        AgentModel model = Fixtures.ingest(ingester, "github.tools.json");

        assertThat(model.tool("github/create_issue").orElseThrow().signals())
                .extracting(Signal::value).containsExactly("destructiveHint=false");
        assertThat(model.tool("github/merge_pull_request").orElseThrow().signals())
                .extracting(Signal::value).containsExactly("destructiveHint=true");
        assertThat(model.tool("github/merge_pull_request").orElseThrow().signals().get(0).location().startLine())
                .isEqualTo(56);
        assertThat(model.tool("github/delete_file").orElseThrow().signals())
                .extracting(Signal::value).containsExactly("readOnlyHint=true");
    }

    @Test
    void toolWithoutAnnotationsHasNoSignalSoTheClassifierAppliesTheDefault() throws DocException {
        Tool tool = Fixtures.ingest(ingester, "github.tools.json").tool("github/push_files").orElseThrow();

        assertThat(tool.signals()).isEmpty();
        assertThat(tool.location().startLine()).isEqualTo(73);
        assertThat(tool.location().pointer()).isEqualTo("/tools/5");
    }

    @Test
    void jsonRpcResponseIsReadAndTheServerFieldNamesTheToolset() throws DocException {
        Fixtures.Loaded loaded = Fixtures.load("jsonrpc-tools-list.json");
        assertThat(ingester.recognises(loaded.file(), loaded.root())).isTrue();

        AgentModel model = Fixtures.ingest(ingester, "jsonrpc-tools-list.json");

        assertThat(model.tools()).extracting(Tool::id).containsExactly("linear/archive_issue", "linear/search_issues");
        assertThat(model.tool("linear/search_issues").orElseThrow().location().pointer()).isEqualTo("/result/tools/0");
        assertThat(model.tool("linear/archive_issue").orElseThrow().description()).isEmpty();
    }

    @Test
    void bareArrayOfToolsIsRecognised() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse("snapshots/tools.json",
                "[{\"name\":\"ping\",\"inputSchema\":{\"type\":\"object\"}}]");
        assertThat(ingester.recognises(loaded.file(), loaded.root())).isTrue();
        ModelBuilder builder = new ModelBuilder();

        ingester.ingest(loaded.file(), loaded.root(), builder);

        assertThat(builder.build().tools()).extracting(Tool::id).containsExactly("snapshots/ping");
    }

    @Test
    void toolWithoutANameFailsAtTheToolObject() throws DocException {
        Fixtures.Loaded loaded = Fixtures.load("unnamed-tool.json");

        assertThatThrownBy(() -> ingester.ingest(loaded.file(), loaded.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class)
                .hasMessageContaining("no 'name'")
                .satisfies(e -> {
                    DocException d = (DocException) e;
                    assertThat(d.location().startLine()).isEqualTo(4);
                    assertThat(d.location().pointer()).isEqualTo("/tools/1");
                    assertThat(d.location().path()).isEqualTo("project/agents/unnamed-tool.json");
                });
    }

    @Test
    void wrongTypesAreShapeErrorsAtTheOffendingNode() throws DocException {
        Fixtures.Loaded loaded = Fixtures.parse("x/srv.tools.json",
                "{\"tools\":[{\"name\":\"a\",\n\"inputSchema\":[1]}]}");

        assertThatThrownBy(() -> ingester.ingest(loaded.file(), loaded.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class)
                .hasMessage("expected an object for 'inputSchema', found array")
                .satisfies(e -> assertThat(((DocException) e).location().startLine()).isEqualTo(2));
        Fixtures.Loaded badHint = Fixtures.parse("x/srv.tools.json",
                "{\"tools\":[{\"name\":\"a\",\"inputSchema\":{},\"annotations\":{\"readOnlyHint\":\"yes\"}}]}");
        assertThatThrownBy(() -> ingester.ingest(badHint.file(), badHint.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class)
                .hasMessage("expected a boolean for 'readOnlyHint', found string");
        Fixtures.Loaded badItem = Fixtures.parse("x/srv.tools.json", "{\"tools\":[{\"inputSchema\":{}}, 3]}");
        assertThatThrownBy(() -> ingester.ingest(badItem.file(), badItem.root(), new ModelBuilder()))
                .isInstanceOf(DocException.class);
    }

    @Test
    void toolsetFallsBackToTheFolderWhenTheFileIsJustTools() throws DocException {
        assertThat(ToolsetNames.fromFile(Fixtures.parse("mcp/jira/tools.json", "{}").file())).isEqualTo("jira");
        assertThat(ToolsetNames.fromFile(Fixtures.parse("tools.json", "{}").file())).isEqualTo("tools");
        assertThat(ToolsetNames.fromFile(Fixtures.parse("a/slack-tools.json", "{}").file())).isEqualTo("slack");
        assertThat(ToolsetNames.fromFile(Fixtures.parse("a/notion_tools.yaml", "{}").file())).isEqualTo("notion");
        assertThat(ToolsetNames.fromFile(Fixtures.parse("snap/.tools.json", "{}").file())).isEqualTo("snap");
    }

    @Test
    void nothingIsAddedWhenTheFileFailsHalfway() throws DocException {
        Fixtures.Loaded loaded = Fixtures.load("unnamed-tool.json");
        ModelBuilder builder = new ModelBuilder();
        try {
            ingester.ingest(loaded.file(), loaded.root(), builder);
        } catch (DocException expected) {
            // the first, valid tool must not leak into the model
        }
        assertThat(builder.build().tools()).isEqualTo(List.of());
    }
}
