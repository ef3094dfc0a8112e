package dev.faultline.samples;

import static dev.faultline.testing.TestTrees.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.ReadLimits;
import dev.faultline.harness.ExpectationHarness;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.report.DotGraphWriter;
import dev.faultline.report.HtmlReportWriter;
import dev.faultline.report.JsonReportWriter;
import dev.faultline.report.MarkdownReportWriter;
import dev.faultline.report.Report;
import dev.faultline.report.ReportWriter;
import dev.faultline.report.SarifReportWriter;
import dev.faultline.rules.RuleCatalog;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bundled sample: its markers hold, its reports equal the goldens in {@code expected/}
 * (regenerate with {@code mvn test -Dfaultline.update-goldens=true}), and two copies of it at
 * different absolute paths give byte-identical reports.
 */
class SamplesTest {
    static final Path SAMPLES = Path.of("..", "samples");
    private static final boolean UPDATE = Boolean.getBoolean("faultline.update-goldens");
    /** report.html carries the DOT source instead of an SVG, so it does not depend on a Graphviz engine. */
    private static final Map<String, ReportWriter> GOLDENS = Map.of(
            "report.json", new JsonReportWriter(), "report.md", new MarkdownReportWriter(), "report.sarif", new SarifReportWriter(),
            "report.dot", new DotGraphWriter(), "report.html", new HtmlReportWriter());

    private final Pipeline pipeline = new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT);

    @TempDir
    Path temp;

    static List<Path> samples() throws IOException {
        return ExpectationHarness.cases(SAMPLES);
    }

    @TestFactory
    Stream<DynamicTest> markersHold() throws IOException {
        ExpectationHarness harness = new ExpectationHarness(pipeline);
        return samples().stream().map(sample -> DynamicTest.dynamicTest(SAMPLES.relativize(sample).toString(), () -> {
            ExpectationHarness.Outcome outcome = harness.check(sample);
            assertThat(outcome.failures()).as("marker failures in " + sample).isEmpty();
            assertThat(outcome.findings()).isNotEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> reportsMatchGoldens() throws IOException {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(SAMPLES.relativize(sample).toString(), () -> {
            if (UPDATE) {
                Files.createDirectories(sample.resolve("expected"));
            }
            Report report = pipeline.scan(List.of(sample)).report();
            for (Map.Entry<String, ReportWriter> g : GOLDENS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                String actual = render(report, g.getValue());
                Path golden = sample.resolve("expected").resolve(g.getKey());
                if (UPDATE) {
                    Files.createDirectories(golden.getParent());
                    Files.writeString(golden, actual, StandardCharsets.UTF_8);
                }
                assertThat(golden).as("golden missing; run mvn test -Dfaultline.update-goldens=true").exists();
                assertThat(actual).as("%s differs from its golden; review, then regenerate with -Dfaultline.update-goldens=true", golden)
                        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> sameBytesFromTwoCopies() throws IOException {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(SAMPLES.relativize(sample).toString(), () -> {
            Path a = copy(sample, temp.resolve("a").resolve(SAMPLES.relativize(sample).toString()));
            Path b = copy(sample, temp.resolve("b/deeper/still").resolve(SAMPLES.relativize(sample).toString()));
            for (ReportWriter w : GOLDENS.values()) {
                assertThat(render(pipeline.scan(List.of(b)).report(), w)).isEqualTo(render(pipeline.scan(List.of(a)).report(), w));
            }
        }));
    }

    static String render(Report report, ReportWriter writer) throws IOException {
        StringWriter s = new StringWriter();
        writer.write(report, s);
        return s.toString();
    }
}
