package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.report.GraphRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code faultline graph} and the rendered formats of {@code faultline scan}: on a fresh machine
 * (no {@code dot} on the search path, the bundled J2V8 engine draws) and on one where nothing can draw.
 */
class GraphOutputTest {
    private static final String SAMPLE = "../samples/mcp-desktop";
    private static final Supplier<GraphRenderer> DEFAULT = OutputOptions.renderer;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = FaultlineCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void freshMachine() {
        OutputOptions.renderer = () -> new GraphRenderer(GraphRenderer.DEFAULT_ORDER, "");
    }

    private static void nothingCanDraw() {
        OutputOptions.renderer = () -> new GraphRenderer(List.of(GraphRenderer.Engine.DOT_COMMAND), "");
    }

    @AfterEach
    void restore() {
        OutputOptions.renderer = DEFAULT;
    }

    @Test
    void graphWritesDotToStandardOutputByDefault() {
        Run r = run("graph", SAMPLE);
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).startsWith("digraph \"faultline\" {").contains("server github (stdio)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void graphDrawsSvgWithTheBundledEngineAndTheOutputExtensionChoosesTheFormat() throws Exception {
        freshMachine();
        Path svg = dir.resolve("out/graph.svg");
        Run r = run("graph", SAMPLE, "--output", svg.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("<svg").contains(">merge_pull_request</text>").contains(">server github (stdio)</text>");
    }

    @Test
    void pngNeedsAFile() throws Exception {
        Run r = run("graph", SAMPLE, "--format", "png");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--format png writes binary data: give a file with --output FILE");
        freshMachine();
        Path png = dir.resolve("graph.bin");
        assertThat(run("graph", SAMPLE, "-f", "png", "-o", png.toString()).exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(Arrays.copyOf(Files.readAllBytes(png), 4)).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void unknownGraphFormatIsAUsageError() {
        Run r = run("graph", SAMPLE, "--format", "md");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown --format 'md' (dot, svg, png)");
    }

    @Test
    void withoutAnyEngineSvgFailsWithWhatToInstallAndWritesNothing() {
        nothingCanDraw();
        Path svg = dir.resolve("graph.svg");
        for (String command : List.of("graph", "scan")) {
            Run r = run(command, SAMPLE, "--format", "svg", "--output", svg.toString());
            assertThat(r.exit()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("apt-get install graphviz").contains("'--format dot' always works");
            assertThat(svg).doesNotExist();
        }
    }

    @Test
    void withoutAnyEngineHtmlShowsTheDotSourceWithANote() {
        nothingCanDraw();
        Run r = run("scan", SAMPLE, "--format", "html", "--fail-on", "none");
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("digraph &quot;faultline&quot;").doesNotContain("<svg");
        assertThat(r.err()).contains("faultline: note: the HTML report shows the graph as DOT source")
                .contains("apt-get install graphviz");
    }

    @Test
    void htmlInlinesTheSvgAndKeepsTheFindingsExitCode() {
        freshMachine();
        Run r = run("scan", SAMPLE, "--format", "html");
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("<div class=\"graph\">\n<svg").contains("lethal-trifecta");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void scanTakesTheFormatFromTheOutputExtensionUnlessOneIsGiven() throws Exception {
        Path sarif = dir.resolve("report.sarif");
        assertThat(run("scan", SAMPLE, "--fail-on", "none", "-o", sarif.toString()).exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"");
        Path md = dir.resolve("report.txt");
        run("scan", SAMPLE, "--fail-on", "none", "-o", md.toString());
        assertThat(Files.readString(md)).startsWith("#");
        Path forced = dir.resolve("forced.sarif");
        run("scan", SAMPLE, "--fail-on", "none", "-f", "json", "-o", forced.toString());
        assertThat(Files.readString(forced)).contains("\"schemaVersion\"");
    }
}
