package dev.faultline.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan goal in-process on the plugin's integration projects (the real Maven runs are in src/it/run.sh). */
class ScanMojoTest {
    @TempDir
    Path out;

    private ScanMojo mojo(String project, String failOn) {
        ScanMojo m = new ScanMojo();
        m.directory = new File("src/it/" + project + "/agent");
        m.format = "sarif";
        m.output = out.resolve(project + ".sarif").toFile();
        m.failOn = failOn;
        return m;
    }

    @Test
    void failsTheBuildOnACriticalFindingAndStillWritesTheReport() throws Exception {
        assertThatThrownBy(() -> mojo("risky-agent", "high").execute())
                .isInstanceOf(MojoFailureException.class).hasMessageContaining("exit 4");
        assertThat(Files.readString(out.resolve("risky-agent.sarif")))
                .contains("\"ruleId\" : \"lethal-trifecta\"")
                .contains("\"ruleId\" : \"taint-path\"");
    }

    @Test
    void passesWhenNothingReachesTheThreshold() throws Exception {
        mojo("quiet-agent", "high").execute();
        mojo("risky-agent", "none").execute();
        assertThat(out.resolve("quiet-agent.sarif")).isNotEmptyFile();
    }

    @Test
    void skipDoesNothing() throws Exception {
        ScanMojo m = mojo("risky-agent", "high");
        m.skip = true;
        m.execute();
        assertThat(out.resolve("risky-agent.sarif")).doesNotExist();
    }
}
