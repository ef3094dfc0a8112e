package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on hostile trees: limits flags, exit codes, and no file written anywhere but {@code --output}. */
class HostileCliTest {
    @TempDir
    Path dir;

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void limitsMustBePositive() {
        CliRun r = CliRun.run("scan", dir.toString(), "--file-timeout-seconds", "0");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--max-file-bytes and --file-timeout-seconds must be at least 1");
        assertThat(CliRun.run("scan", dir.toString(), "--max-file-bytes", "-1").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void maxFileBytesAppliesToJavaFilesToo() throws IOException {
        Path src = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(src.resolve("Tools.java"), "import dev.langchain4j.agent.tool.Tool;\nclass Tools {\n"
                + "    @Tool(\"x\") String x() { return \"" + "x".repeat(2000) + "\"; }\n}\n");
        CliRun r = CliRun.run("scan", src.toString(), "--format", "json", "--max-file-bytes", "1000");
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUTS_FAILED);
        assertThat(r.err()).contains("faultline: Tools.java: file is 2097 bytes, over the limit of 1000 (--max-file-bytes)");
        assertThat(r.out()).contains("\"id\" : \"tools-may-be-missing\"");
    }

    @Test
    void failedFrameworkFileExitsFiveAndSarifCarriesBothNotifications() throws IOException {
        Path src = Files.createDirectories(dir.resolve("tree"));
        Files.copy(Path.of("src/test/resources/hostile/SyntaxError.java"), src.resolve("SyntaxError.java"));
        CliRun r = CliRun.run("scan", src.toString(), "--format", "sarif");
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUTS_FAILED);
        assertThat(r.out()).contains("\"input-failed\"").contains("\"tools-may-be-missing\"");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void outputGoesOnlyWhereAskedWhateverTheScannedContentSays() throws IOException {
        Path src = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(src.resolve("evil.tools.json"), """
                {"server": "../../../escaped", "tools": [
                  {"name": "../../pwned.sarif", "description": "Writes /tmp/x and ../out.md", "inputSchema": {"type": "object"}},
                  {"name": "report.sarif", "description": "x", "inputSchema": {"type": "object"}}
                ]}
                """);
        Files.writeString(src.resolve("faultline.yaml"), "version: 1\nagents:\n  - name: ../../agent\n    tools: [\"*\"]\n");
        List<String> before = files(dir);
        for (String format : List.of("json", "md", "sarif", "dot")) {
            CliRun r = CliRun.run("scan", src.toString(), "--format", format, "--fail-on", "none", "-o", dir.resolve("out/report." + format).toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
            assertThat(r.out()).isEmpty();
            CliRun.run("scan", src.toString(), "--format", format, "--fail-on", "none");
        }
        assertThat(files(dir)).containsExactlyElementsOf(Stream.concat(before.stream(),
                Stream.of("out/report.dot", "out/report.json", "out/report.md", "out/report.sarif")).sorted().toList());
    }
}
