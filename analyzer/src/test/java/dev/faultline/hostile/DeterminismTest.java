package dev.faultline.hostile;

import static dev.faultline.testing.TestTrees.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.ReadLimits;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.report.DotGraphWriter;
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
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample gives byte-identical JSON, SARIF, Markdown and DOT whatever the default locale
 * (Turkish dotless i, German decimal comma, Thai digits), the time zone and the absolute path of
 * the tree.
 */
class DeterminismTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final List<ReportWriter> WRITERS = List.of(new JsonReportWriter(), new SarifReportWriter(),
            new MarkdownReportWriter(), new DotGraphWriter());
    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("tr-TR"), Locale.GERMANY,
            Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("ar-EG"));
    private static final List<String> ZONES = List.of("Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu", "Etc/GMT+12");

    private final Pipeline pipeline = new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT);

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> sameBytesUnderEveryLocaleTimeZoneAndPath() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            samples = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            String name = sample.getFileName().toString();
            Path a = copy(sample, temp.resolve("a").resolve(name));
            List<byte[]> expected = withDefaults(Locale.ROOT, "UTC", () -> render(pipeline.scan(List.of(a)).report()));
            for (int i = 0; i < LOCALES.size(); i++) {
                Path b = copy(sample, temp.resolve("b" + i).resolve("déjà vu/ünïcode " + i).resolve(name));
                List<byte[]> actual = withDefaults(LOCALES.get(i), ZONES.get(i), () -> render(pipeline.scan(List.of(b)).report()));
                for (int w = 0; w < WRITERS.size(); w++) {
                    assertThat(new String(actual.get(w), StandardCharsets.UTF_8))
                            .as("%s as %s under %s, %s", name, WRITERS.get(w).format(), LOCALES.get(i), ZONES.get(i))
                            .isEqualTo(new String(expected.get(w), StandardCharsets.UTF_8));
                    assertThat(actual.get(w)).isEqualTo(expected.get(w));
                }
            }
        }));
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    private static <T> T withDefaults(Locale locale, String zone, Work<T> work) throws IOException {
        Locale locale0 = Locale.getDefault();
        Locale format0 = Locale.getDefault(Locale.Category.FORMAT);
        Locale display0 = Locale.getDefault(Locale.Category.DISPLAY);
        TimeZone zone0 = TimeZone.getDefault();
        try {
            Locale.setDefault(locale);
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            return work.run();
        } finally {
            Locale.setDefault(locale0);
            Locale.setDefault(Locale.Category.FORMAT, format0);
            Locale.setDefault(Locale.Category.DISPLAY, display0);
            TimeZone.setDefault(zone0);
        }
    }

    private static List<byte[]> render(Report report) throws IOException {
        List<byte[]> out = new java.util.ArrayList<>();
        for (ReportWriter w : WRITERS) {
            StringWriter s = new StringWriter();
            w.write(report, s);
            out.add(s.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
