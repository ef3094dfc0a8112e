package dev.faultline.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cli.FaultlineCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal: passes against a fresh lock, fails the build once the authority changes. */
class CheckMojoTest {
    @TempDir
    Path project;

    @Test
    void failsWhenAToolIsAddedAfterTheLockWasWritten() throws Exception {
        Files.writeString(project.resolve("notes.tools.json"), """
                {"server": "notes", "tools": [{"name": "get_note", "description": "Reads a note",
                  "inputSchema": {"type": "object"}, "annotations": {"readOnlyHint": true}}]}
                """);
        FaultlineCommand.commandLine().execute("lock", project.toString());
        CheckMojo check = new CheckMojo();
        check.directory = project.toFile();
        check.execute();

        Files.writeString(project.resolve("shell.tools.json"), """
                {"server": "shell", "tools": [{"name": "run_command", "description": "Runs a shell command",
                  "inputSchema": {"type": "object"}}]}
                """);
        assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("exit 4");
    }
}
