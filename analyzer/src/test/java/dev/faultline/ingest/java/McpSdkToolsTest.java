package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.AgentModel;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.FlowStep;
import org.junit.jupiter.api.Test;

/** Tools of the MCP Java SDK: descriptors plus lambda handlers, by constructor and by builder. */
class McpSdkToolsTest {
    private static final String SRC = "src/main/java/com/example/notes/";

    @Test
    void specsBecomeToolsWithTheirLambdaBodies() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.fixture("mcp-sdk"));
        assertThat(m.tools()).extracting(Tool::id).containsExactly("NotesServer/delete_note", "NotesServer/read_note");
        Tool read = m.tool("NotesServer/read_note").orElseThrow();
        assertThat(read.origin()).isEqualTo("mcp-java-sdk");
        assertThat(read.description()).isEqualTo("Reads a note by its file name");
        assertThat(read.signals()).extracting(Signal::kind, Signal::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("call", "java.nio.file.Files#readString"),
                org.assertj.core.groups.Tuple.tuple("argument-flow", "path:name"));
        Signal flow = read.signals().get(1);
        assertThat(flow.chain()).extracting(FlowStep::message).containsExactly(
                "the arguments in arguments are chosen by the model", "argument name is read", "flows into name",
                "reaches Files.readString as path");

        Tool delete = m.tool("NotesServer/delete_note").orElseThrow();
        assertThat(delete.description()).isEqualTo("Deletes a note");
        Signal deleted = delete.signals().get(0);
        assertThat(deleted.value()).isEqualTo("java.nio.file.Files#deleteIfExists");
        assertThat(deleted.chain()).extracting(f -> f.location().path()).containsExactly(SRC + "NotesServer.java", SRC + "NoteStore.java");
    }

    @Test
    void aToolNamedAtRunTimeIsReportedNotGuessed() {
        AgentModel m = JavaFixtures.scan(JavaFixtures.fixture("mcp-sdk"));
        assertThat(m.notifications()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("tools-not-enumerable");
            assertThat(n.location().path()).isEqualTo(SRC + "NotesServer.java");
            assertThat(n.location().startLine()).isEqualTo(60);
        });
    }
}
