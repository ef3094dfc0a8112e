package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class DotGraphWriterTest {

    private final String dot = Goldens.render(new DotGraphWriter(), SampleReports.supportAgent());

    @Test
    void nodeIdsFollowReportOrder() {
        assertThat(dot).contains("    \"n0\" [label=\"support\", shape=\"box\", fillcolor=\"#a5d8ff\"];\n");
        assertThat(dot).contains("    \"n1\" [label=\"inbound-email\\nuntrusted\", shape=\"invhouse\", fillcolor=\"#ffe3e3\"];\n");
        assertThat(dot).contains("    \"n2\" [label=\"triage\", shape=\"box\"");
        assertThat(dot).contains("    \"n3\" [label=\"staff-chat\\ntrusted\", shape=\"invhouse\"];\n");
        assertThat(dot).contains("    \"n4\" [label=\"get_ticket\\nread-only\", shape=\"ellipse\", fillcolor=\"#b2f2bb\", "
                + "peripheries=\"2\", tooltip=\"Looks up a ticket. | col | &lt;img src=x onerror=alert(1)&gt; `rm…\"];\n");
        assertThat(dot).contains("    \"n7\" [label=\"refund\\nirreversible\\napproval required\", shape=\"component\", "
                + "fillcolor=\"#ffc078\"");
        assertThat(dot).contains("    \"n8\" [label=\"update_draft\\nreversible\", shape=\"hexagon\", fillcolor=\"#ffec99\"");
        assertThat(dot).contains("    \"n9\" [label=\"grant_role\\nprivileged\", shape=\"ellipse\", fillcolor=\"#ff8787\"");
        assertThat(dot).contains("  \"n10\" [label=\"ADMIN_TOKEN\\nenv\", shape=\"note\", fillcolor=\"#e9ecef\"];\n");
    }

    @Test
    void toolsetsAreClusteredUnderTheirServer() {
        assertThat(dot).contains("  subgraph \"cluster_toolset0\" {\n    label=\"server zendesk (http)\";\n");
        assertThat(dot).contains("  subgraph \"cluster_toolset1\" {\n    label=\"toolset crm\";\n");
        assertThat(dot).contains("  subgraph \"cluster_agent1\" {\n    label=\"agent triage\";\n");
    }

    @Test
    void edgesForCallsEntryPointsAgentsAndCredentials() {
        assertThat(dot).contains("  \"n3\" -> \"n2\" [label=\"starts\"];\n");
        assertThat(dot).contains("  \"n0\" -> \"n5\" [label=\"can call\"];\n");
        assertThat(dot).contains("  \"n2\" -> \"n0\" [label=\"calls\", color=\"#1c7ed6\"];\n");
        assertThat(dot).contains("  \"n6\" -> \"n11\" [label=\"uses\", style=\"dashed\"];\n");
    }

    @Test
    void taintPathsAreRedAndBold() {
        String red = "[label=\"taint\", color=\"red\", fontcolor=\"red\", penwidth=\"2.5\", style=\"bold\"];\n";
        assertThat(dot).contains("  \"n4\" -> \"n0\" " + red);
        assertThat(dot).contains("  \"n0\" -> \"n6\" " + red);
        assertThat(dot).contains("  \"n1\" -> \"n0\" " + red);
        assertThat(dot).contains("  \"n0\" -> \"n7\" " + red);
        assertThat(dot).as("a taint edge stands for the call").doesNotContain("  \"n0\" -> \"n6\" [label=\"can call\"]")
                .doesNotContain("  \"n0\" -> \"n7\" [label=\"can call\"]")
                .doesNotContain("  \"n1\" -> \"n0\" [label=\"starts\"]");
        assertThat(dot).contains("  \"legend\" [shape=\"plaintext\"").contains("red edge: taint path");
    }

    @Test
    void manyToolsCollapsePerToolsetAndClass() {
        String big = Goldens.render(new DotGraphWriter(), SampleReports.manyTools(61));
        assertThat(big).contains("[label=\"11 read-only tools\", shape=\"folder\", fillcolor=\"#b2f2bb\"]");
        assertThat(big).contains("[label=\"10 read-only tools\", shape=\"folder\"");
        assertThat(big).contains("privileged tools\", shape=\"folder\", fillcolor=\"#ff8787\"]");
        assertThat(big).doesNotContain("label=\"tool0\\n").doesNotContain("label=\"tool3\\n");
        assertThat(big).contains("  \"n0\" -> \"n2\" [color=\"red\"").doesNotContain("\"n0\" -> \"n2\";")
                .doesNotContain("label=\"can call\"");
        String small = Goldens.render(new DotGraphWriter(), SampleReports.manyTools(60));
        assertThat(small).doesNotContain("read-only tools\"").contains("label=\"tool0\\nread-only\"");
    }

    @Test
    void escapeNeutralisesHostileStrings() {
        assertThat(DotGraphWriter.escape("a\"b")).isEqualTo("a\\\"b");
        assertThat(DotGraphWriter.escape("a\\")).isEqualTo("a\\\\ ");
        assertThat(DotGraphWriter.escape("x\\\"];\n\"n0\" -> \"evil")).isEqualTo("x\\\\\\\"]; \\\"n0\\\" -&gt; \\\"evil");
        assertThat(DotGraphWriter.escape("line1\r\nline2\tend")).isEqualTo("line1  line2 end");
        assertThat(DotGraphWriter.escape("safe\u202Eexe.txt\u200B\u2066\uFEFF")).isEqualTo("safeexe.txt");
        assertThat(DotGraphWriter.escape("bell\u0007nul\u0000")).isEqualTo("bell?nul?");
        assertThat(DotGraphWriter.escape("\\N \\G \\L")).isEqualTo("\\\\N \\\\G \\\\L");
        assertThat(DotGraphWriter.escape("é".repeat(70))).isEqualTo("é".repeat(59) + "…");
        assertThat(DotGraphWriter.escape("🙂".repeat(61)).codePointCount(0, DotGraphWriter.escape("🙂".repeat(61)).length()))
                .isEqualTo(60);
        assertThat(DotGraphWriter.escape("\"".repeat(80))).isEqualTo("\\\"".repeat(59) + "…");
        assertThat(DotGraphWriter.escape("<img src='/etc/passwd'> & <b>")).isEqualTo("&lt;img src='/etc/passwd'&gt; &amp; &lt;b&gt;");
    }

    /** graphviz-java rewrites these patterns anywhere in the DOT into image paths it reads from disk. */
    @Test
    void noScannedTextLooksLikeAnImageToGraphvizJava() {
        String hostile = "x <img src=\"/etc/passwd\"> image=\"/etc/shadow\" image";
        String text = Goldens.render(new DotGraphWriter(), SampleReports.withToolDescription(hostile));
        assertThat(text).doesNotContain("<img");
        assertThat(java.util.regex.Pattern.compile("<img .*?src\\s*=\\s*['\"]([^'\"]*)").matcher(text).find()).isFalse();
        assertThat(java.util.regex.Pattern.compile("\"?image\"?\\s*=\\s*\"(.*?)\"").matcher(text).find()).isFalse();
    }

    @Test
    void everyQuotedStringIsClosedOnItsLine() {
        for (String line : dot.lines().toList()) {
            assertThat(closesAllStrings(line)).as(line).isTrue();
        }
    }

    @Test
    void matchesGolden() throws IOException {
        Goldens.assertMatches("support-agent.dot", dot);
    }

    /** Graphviz's lexer: inside quotes only {@code \"} is an escape; a line must end outside a string. */
    private static boolean closesAllStrings(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString && c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return !inString;
    }
}
