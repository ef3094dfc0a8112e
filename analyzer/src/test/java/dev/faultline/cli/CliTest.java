package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through {@code CommandLine.execute}: exit codes and messages for good and bad inputs. */
class CliTest {
    @TempDir
    Path dir;

    private static final String GOOD_TOOLS = """
            {"server": "notes", "tools": [
              {"name": "get_note", "description": "Read a note", "inputSchema": {"type": "object"},
               "annotations": {"readOnlyHint": true}}
            ]}
            """;

    @Test
    void scanOfSampleExitsFourOnHighFindingsAndZeroWithFailOnNone() {
        CliRun r = CliRun.run("scan", "../samples/mcp-desktop", "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("\"ruleId\" : \"lethal-trifecta\"");
        assertThat(CliRun.run("scan", "../samples/mcp-desktop", "--fail-on", "none").exit()).isEqualTo(ExitCodes.CLEAN);
    }

    @Test
    void malformedJsonFailsWithFileAndLineAndTheRestIsScanned() throws Exception {
        Files.writeString(dir.resolve("notes.tools.json"), GOOD_TOOLS);
        Files.writeString(dir.resolve("broken.tools.json"), "{\n  \"tools\": [\n    {\"name\": \"x\",,}\n  ]\n}\n");
        CliRun r = CliRun.run("scan", dir.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUTS_FAILED);
        assertThat(r.err()).contains("faultline: broken.tools.json:3:").contains("invalid JSON");
        assertThat(r.out()).contains("\"id\" : \"notes/get_note\"").contains("\"status\" : \"failed\"");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void malformedYamlManifestFailsWithLine() throws Exception {
        Files.writeString(dir.resolve("notes.tools.json"), GOOD_TOOLS);
        Files.writeString(dir.resolve("faultline.yaml"), "version: 1\nagents:\n  - name: a\n    tools: [\"notes/*\"]\n    toolz: []\n");
        CliRun r = CliRun.run("scan", dir.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUTS_FAILED);
        assertThat(r.err()).contains("faultline.yaml:5:5: unknown key 'toolz'");
        assertThat(r.out()).contains("\"id\" : \"notes/get_note\"");
    }

    @Test
    void nonUtf8FileFailsWithLine() throws Exception {
        Files.writeString(dir.resolve("notes.tools.json"), GOOD_TOOLS);
        Files.write(dir.resolve("latin1.json"), "{\n \"name\": \"caf\u00e9\"\n}".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run("scan", dir.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUTS_FAILED);
        assertThat(r.err()).contains("latin1.json:2:").contains("not valid UTF-8");
    }

    @Test
    void emptyFolderSaysNothingToScan() {
        CliRun r = CliRun.run("scan", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.err()).contains("nothing to scan");
    }

    @Test
    void missingPathIsAFailedInput() {
        CliRun r = CliRun.run("scan", dir.resolve("nope").toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUTS_FAILED);
        assertThat(r.err()).contains("nope: path not found");
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun r = CliRun.run("scan", dir.toString(), "--format", "pdf");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown --format 'pdf'");
    }

    @Test
    void explainPrintsTheEvidenceChain() {
        CliRun r = CliRun.run("explain", "merge_pull_request", "../samples/mcp-desktop");
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).contains("github/merge_pull_request").contains("blast radius: irreversible  [heuristic]")
                .contains("row name-publish").contains("credentials: GITHUB_PERSONAL_ACCESS_TOKEN");
    }

    @Test
    void rulesListsAndDescribes() {
        assertThat(CliRun.run("rules").out()).contains("taint-path").contains("lethal-trifecta").contains("mcp-unpinned-server");
        assertThat(CliRun.run("rules", "lethal-trifecta").out()).contains("How to fix");
        assertThat(CliRun.run("rules", "no-such-rule").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpListsExitCodes() {
        assertThat(CliRun.run("scan", "--help").out()).contains("Exit codes:").contains("5  some inputs could not be read");
    }

    @Test
    void testCommandPassesOnSamples() {
        CliRun r = CliRun.run("test", "../samples");
        assertThat(r.out()).contains("PASS ../samples/mcp-desktop").contains("0 failed");
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
    }

    @Test
    void baselineHidesAcceptedFindingsAndShowsNewOnes() throws Exception {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("ops.tools.json"), """
                {"server": "ops", "tools": [
                  {"name": "delete_bucket", "description": "Deletes a storage bucket", "inputSchema": {"type": "object"},
                   "annotations": {"destructiveHint": true}}
                ]}
                """);
        Path baseline = dir.resolve("accepted.tsv");
        assertThat(CliRun.run("baseline", tree.toString(), "--output", baseline.toString()).exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(Files.readString(baseline)).contains("blast-radius\tops/delete_bucket=irreversible\n");

        Files.writeString(tree.resolve("shell.tools.json"), """
                {"server": "shell", "tools": [
                  {"name": "run_command", "description": "Runs a shell command", "inputSchema": {"type": "object"}}
                ]}
                """);
        CliRun r = CliRun.run("scan", tree.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertThat(r.out()).contains("\"key\" : \"shell/run_command=privileged\"")
                .doesNotContain("ops/delete_bucket=irreversible\"")
                .contains("findings are in the baseline accepted.tsv");
    }

    @Test
    void initWritesAManifestThatTheNextScanReads() throws Exception {
        Files.writeString(dir.resolve("ops.tools.json"), """
                {"server": "ops", "tools": [
                  {"name": "delete_bucket\u200b\\"evil", "description": "Deletes a storage bucket", "inputSchema": {"type": "object"},
                   "annotations": {"destructiveHint": true}}
                ]}
                """);
        CliRun r = CliRun.run("init", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        String manifest = Files.readString(dir.resolve("faultline.yaml"));
        assertThat(manifest).contains("- \"ops/*\"").contains("#  - tool: \"ops/delete_bucket\\u200b\\\"evil\"   # irreversible (declared)");
        CliRun scan = CliRun.run("scan", dir.toString(), "--format", "json", "--fail-on", "none");
        assertThat(scan.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(scan.out()).contains("\"kind\" : \"manifest\"").contains("\"name\" : \"default-agent\"");
        assertThat(CliRun.run("init", dir.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void quietAndVerboseControlStderrOnly() throws Exception {
        Files.writeString(dir.resolve("notes.tools.json"), GOOD_TOOLS);
        Files.writeString(dir.resolve("broken.tools.json"), "{");
        CliRun quiet = CliRun.run("scan", dir.toString(), "--quiet", "--format", "json");
        assertThat(quiet.exit()).isEqualTo(ExitCodes.INPUTS_FAILED);
        assertThat(quiet.err()).isEmpty();
        CliRun verbose = CliRun.run("scan", dir.toString(), "--verbose", "--format", "json");
        assertThat(verbose.err()).contains("faultline: scanned notes.tools.json (mcp-tools)")
                .contains("faultline: failed broken.tools.json");
        assertThat(verbose.out()).isEqualTo(quiet.out());
    }

    @Test
    void generatesShellCompletion() {
        CliRun r = CliRun.run("generate-completion");
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).contains("complete -F _complete_faultline").contains("scan").contains("diff");
    }

    @Test
    void aManifestThatBindsAnMcpServersToolsSilencesTheDeclareYourClientNote() {
        CliRun r = CliRun.run("scan", "../samples/quarkus-mcp-server", "--format", "json", "--fail-on", "none");
        assertThat(r.out()).contains("\"agents\" : [\n        \"incident-copilot\"\n      ]").doesNotContain("mcp-server-tools");
    }

    @Test
    void anAgentThatCallsItselfIsAWarningNotACrash() throws Exception {
        Files.writeString(dir.resolve("notes.tools.json"), GOOD_TOOLS);
        Files.writeString(dir.resolve("faultline.yaml"), "version: 1\nagents:\n  - name: loop\n    tools: [\"notes/*\"]\n    calls: [loop]\n");
        CliRun r = CliRun.run("scan", dir.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).contains("agent loop lists itself in calls; ignored");
    }

    @Test
    void oneScanWritesEveryFormatAskedFor() throws java.io.IOException {
        Path sarif = dir.resolve("reports/scan.sarif");
        Path json = dir.resolve("scan.json");
        CliRun r = CliRun.run("scan", "../samples/mcp-desktop", "--fail-on", "none", "--also", "sarif=" + sarif, "--also", "json=" + json);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).isEqualTo(CliRun.run("scan", "../samples/mcp-desktop", "--fail-on", "none").out());
        assertThat(java.nio.file.Files.readString(sarif))
                .isEqualTo(CliRun.run("scan", "../samples/mcp-desktop", "--fail-on", "none", "--format", "sarif").out());
        assertThat(java.nio.file.Files.readString(json))
                .isEqualTo(CliRun.run("scan", "../samples/mcp-desktop", "--fail-on", "none", "--format", "json").out());
        assertThat(CliRun.run("scan", "../samples/mcp-desktop", "--also", "pdf=" + dir.resolve("x.pdf")).exit()).isEqualTo(ExitCodes.USAGE);
    }
}
