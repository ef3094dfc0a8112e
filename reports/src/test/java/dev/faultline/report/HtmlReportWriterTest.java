package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    /** Stands in for a rendered graph so the golden does not depend on a Graphviz version. */
    static final String PLACEHOLDER_SVG = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
            + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
            + "<!-- Title: faultline Pages: 1 -->\n"
            + "<svg width=\"120px\" height=\"40px\" viewBox=\"0 0 120 40\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<g id=\"graph0\" class=\"graph\"><title>faultline</title>\n"
            + "<text x=\"10\" y=\"25\">placeholder graph</text></g>\n</svg>\n";

    private final String html = Goldens.render(new HtmlReportWriter(r -> Optional.of(PLACEHOLDER_SVG)),
            SampleReports.supportAgent());

    @Test
    void matchesGolden() throws IOException {
        Goldens.assertMatches("support-agent.html", html);
    }

    @Test
    void inlinesTheSvgWithoutPrologDoctypeOrComments() {
        assertThat(html).contains("<div class=\"graph\">\n<svg width=\"120px\"")
                .doesNotContain("<?xml").doesNotContain("svg11.dtd").doesNotContain("<!--");
    }

    @Test
    void selfContainedWithAStrictPolicyWhoseHashMatchesTheScript() throws Exception {
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertThat(csp.find()).isTrue();
        assertThat(csp.group(1)).startsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-")
                .doesNotContain("unsafe-eval").doesNotContain("http");
        Matcher script = Pattern.compile("(?s)<script>(.*?)</script>").matcher(html);
        assertThat(script.find()).isTrue();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
        assertThat(csp.group(1)).contains("'sha256-" + Base64.getEncoder().encodeToString(hash) + "'");
        assertThat(script.find()).as("one inline script only").isFalse();
        assertThat(html).doesNotContainPattern("(?i)<(link|iframe|object|embed|img)[\\s>]")
                .doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void scannedTextIsEscaped() {
        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("\u202E").doesNotContain("\u200B");
        String hostile = "</pre><script>alert(1)</script>\"'><b onmouseover=x>";
        String page = Goldens.render(new HtmlReportWriter(), SampleReports.withToolDescription(hostile));
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<b onmouseover")
                .contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;b onmouseover=x&gt;");
    }

    @Test
    void toolsAreSortedWorstFirstWithTheirEvidence() {
        int privileged = html.indexOf("<code>admin/grant_role</code>");
        int irreversible = html.indexOf("<code>mail/send_email</code>");
        int readOnly = html.indexOf("<code>zendesk/get_ticket</code>");
        assertThat(privileged).isPositive().isLessThan(irreversible);
        assertThat(irreversible).isLessThan(readOnly);
        assertThat(html).contains("data-radius=\"3\"").contains("<details><summary>1 fact</summary>")
                .contains("classified privileged from heuristic evidence");
    }

    @Test
    void findingsAreGroupedByRuleWithTheirSteps() {
        assertThat(html).contains("<h3><code>taint-path</code> — Taint path (2)</h3>");
        assertThat(html).contains("<ol>\n<li><code>mcp/tools.json:4:5</code> zendesk/get_ticket returns text an outsider wrote</li>");
        assertThat(html).contains("<div class=\"finding suppressed\">");
    }

    @Test
    void withoutAnSvgTheDotSourceIsShownWithANote() {
        String page = Goldens.render(new HtmlReportWriter(), SampleReports.supportAgent());
        assertThat(page).contains("apt-get install graphviz").contains("<pre>digraph &quot;faultline&quot; {\n  graph [")
                .doesNotContain("<svg");
    }

    @Test
    void svgWithScriptsHandlersOrLinksOutIsNotInlined() {
        String head = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";
        for (String body : List.of("<script>alert(1)</script>", "<g onload=\"alert(1)\"/>",
                "<foreignObject><div/></foreignObject>", "<a xlink:href=\"https://evil.example\"><text>x</text></a>",
                "<image href=\"data:x\"/>", "<text>unclosed")) {
            assertThat(HtmlReportWriter.inlineSvg(head + body + "</svg>")).as(body).isEmpty();
        }
        assertThat(HtmlReportWriter.inlineSvg(PLACEHOLDER_SVG)).isPresent();
        assertThat(HtmlReportWriter.inlineSvg("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + head
                + "<text>&e;</text></svg>")).isEmpty();
    }

    @Test
    void aGraphRenderedByJ2v8IsInlined() {
        GraphRenderer j2v8 = new GraphRenderer(List.of(GraphRenderer.Engine.J2V8), "");
        String page = Goldens.render(new HtmlReportWriter(HtmlReportWriter.rendering(j2v8)),
                SampleReports.withToolDescription("<img src=x onerror=alert(1)> & co"));
        assertThat(page).contains("<div class=\"graph\">\n<svg").doesNotContain("<pre>digraph")
                .doesNotContain("<img src=x");
    }
}
