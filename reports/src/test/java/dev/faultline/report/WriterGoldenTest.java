package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every writer on the sample report: format names, determinism, and the JSON golden. */
class WriterGoldenTest {

    private static final List<ReportWriter> WRITERS = List.of(new JsonReportWriter(), new SarifReportWriter(),
            new MarkdownReportWriter(), new DotGraphWriter(), new HtmlReportWriter());

    @Test
    void formatNames() {
        assertThat(WRITERS).extracting(ReportWriter::format).containsExactly("json", "sarif", "md", "dot", "html");
    }

    @Test
    void everyWriterIsDeterministicAndEndsWithOneNewline() {
        for (ReportWriter w : WRITERS) {
            String first = Goldens.render(w, SampleReports.supportAgent());
            assertThat(Goldens.render(w, SampleReports.supportAgent())).as(w.format()).isEqualTo(first);
            assertThat(first).as(w.format()).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
        }
    }

    @Test
    void jsonMatchesGolden() throws IOException {
        Goldens.assertMatches("support-agent.json", Goldens.render(new JsonReportWriter(), SampleReports.supportAgent()));
    }
}
