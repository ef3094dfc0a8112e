package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DotGraphWriter#writeDiff}: what the head added is green, what it removed is grey and dashed. */
class DotGraphDiffTest {

    private final Report base = SampleReports.supportAgent();
    private final Report head = changed(base);
    private final String dot = diff(base, head);

    /**
     * The head drops admin/grant_role (and ADMIN_TOKEN with it), adds mail/send_bulk with a new taint
     * path to it, makes drafts/update_draft irreversible and gives agent support a new entry point.
     */
    static Report changed(Report base) {
        List<ToolView> tools = new ArrayList<>();
        for (ToolView t : base.tools()) {
            if (t.id().equals("admin/grant_role")) {
                continue;
            }
            tools.add(t.id().equals("drafts/update_draft") ? withRadius(t, "irreversible") : t);
        }
        ToolView mail = base.tools().stream().filter(t -> t.id().equals("mail/send_email")).findFirst().orElseThrow();
        tools.add(3, new ToolView("mail/send_bulk", "send_bulk", "mail", "mcp-tools", "Sends to a list", mail.location(),
                "irreversible", "declared", false, false, false, List.of(), List.of(), List.of("SMTP_PASSWORD"),
                List.of("support"), List.of()));
        AgentView support = base.agents().get(0);
        List<EntryPointView> entries = new ArrayList<>(support.entryPoints());
        entries.add(new EntryPointView("web-form", "untrusted", "Contact form", support.location()));
        List<String> supportTools = new ArrayList<>(support.tools());
        supportTools.add("mail/send_bulk");
        AgentView triage = base.agents().get(1);
        List<AgentView> agents = List.of(
                new AgentView(support.name(), support.description(), true, support.location(), entries, supportTools, List.of()),
                new AgentView(triage.name(), triage.description(), true, triage.location(), triage.entryPoints(),
                        List.of("zendesk/get_ticket"), triage.calls()));
        List<Finding> findings = new ArrayList<>(base.findings().stream()
                .filter(f -> !f.key().equals("support:billing/refund")).toList());
        findings.add(new Finding("taint-path", Severity.CRITICAL, "high", "support:mail/send_bulk",
                "Web form text can steer support into calling mail/send_bulk", mail.location(), List.of(),
                List.of(new RelatedLocation(support.location(), TaintSource.entry(1, 1, "support", "web-form").message())),
                Optional.empty()));
        return new Report(base.tool(), base.inputs(), base.notifications(), agents, tools,
                base.credentials().stream().filter(c -> !c.name().equals("ADMIN_TOKEN")).toList(),
                base.servers(), findings, base.rules());
    }

    private static ToolView withRadius(ToolView t, String radius) {
        return new ToolView(t.id(), t.name(), t.toolset(), t.origin(), t.description(), t.location(), radius,
                t.provenance(), t.untrustedOutput(), t.privateData(), t.approvalRequired(), t.parameters(),
                t.capabilities(), t.credentials(), t.agents(), t.evidence());
    }

    static String diff(Report base, Report head) {
        StringWriter out = new StringWriter();
        try {
            new DotGraphWriter().writeDiff(base, head, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void addedNodesAreGreenAndSaySo() {
        assertThat(line("label=\"send_bulk\\nirreversible\\nadded\""))
                .contains("color=\"#2f9e44\", penwidth=\"3\"").contains("fillcolor=\"#ffc078\"");
        assertThat(line("label=\"web-form\\nuntrusted\\nadded\"")).contains("color=\"#2f9e44\"");
    }

    @Test
    void removedNodesAreGreyAndDashed() {
        assertThat(line("label=\"grant_role\\nprivileged\\nremoved\""))
                .contains("fillcolor=\"#f1f3f5\"", "style=\"filled,dashed\"", "color=\"gray50\"", "fontcolor=\"gray40\"");
        assertThat(line("label=\"ADMIN_TOKEN\\nenv\\nremoved\"")).contains("style=\"filled,dashed\"");
        assertThat(dot).contains("label=\"server admin (stdio)\";\n    style=\"rounded,dashed\";");
    }

    @Test
    void aToolInBothWithAnotherClassShowsTheOldOne() {
        assertThat(line("label=\"update_draft\\nirreversible\\nwas reversible\"")).contains("color=\"#e8590c\"");
        assertThat(line("label=\"refund\\nirreversible\\napproval required\"")).doesNotContain("#2f9e44", "gray50", "was ");
    }

    @Test
    void edgesAreMarkedAddedOrRemoved() {
        String support = id("label=\"support\"");
        String bulk = id("label=\"send_bulk");
        String grant = id("label=\"grant_role");
        String triage = id("label=\"triage\"");
        String refund = id("label=\"refund");
        String form = id("label=\"web-form");
        assertThat(dot).doesNotContain("  \"" + support + "\" -> \"" + bulk + "\" [label=\"+ can call\"");
        assertThat(dot).contains("  \"" + support + "\" -> \"" + bulk + "\" [label=\"+ taint\", color=\"red\"");
        assertThat(dot).contains("  \"" + form + "\" -> \"" + support + "\" [label=\"+ taint\", color=\"red\"");
        assertThat(dot).contains("  \"" + triage + "\" -> \"" + grant
                + "\" [label=\"- can call\", color=\"gray60\", fontcolor=\"gray50\", style=\"dashed\"];");
        assertThat(dot).contains("  \"" + support + "\" -> \"" + refund + "\" [label=\"- taint\", color=\"gray60\"");
        assertThat(dot).as("the taint edge is gone, so the call shows again")
                .contains("  \"" + support + "\" -> \"" + refund + "\" [label=\"can call\"];");
        assertThat(dot).doesNotContain("  \"" + form + "\" -> \"" + support + "\" [label=\"+ starts\"");
        String inbound = id("label=\"inbound-email");
        assertThat(dot).as("the taint edge is gone, so the start shows again")
                .contains("  \"" + inbound + "\" -> \"" + support + "\" [label=\"starts\"];");
    }

    @Test
    void theLegendExplainsBothColours() {
        assertThat(dot).contains("added: green border or edge").contains("removed: grey, dashed")
                .contains("changes from base to head");
    }

    @Test
    void aReportAgainstItselfChangesNothing() throws IOException {
        String same = diff(base, base);
        assertThat(same).doesNotContain("\\nadded", "\\nremoved", "\"+ ", "\"- ", "gray50");
        StringWriter plain = new StringWriter();
        new DotGraphWriter().write(base, plain);
        assertThat(plain.toString()).doesNotContain("added: green");
        assertThat(same.replace("Faultline capability graph: changes from base to head", "Faultline capability graph")
                .replaceAll("<TR><TD BGCOLOR=\"#2f9e44\".*?</TR><TR><TD BGCOLOR=\"#f1f3f5\".*?</TR><TR><TD BGCOLOR=\"#e8590c\".*?</TR>", ""))
                .isEqualTo(plain.toString());
    }

    @Test
    void anEmptyBaseMakesEverythingAddedAndAnEmptyHeadEverythingRemoved() {
        Report empty = new Report(base.tool(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
        String added = diff(empty, base);
        assertThat(added).contains("label=\"grant_role\\nprivileged\\nadded\"").doesNotContain("\\nremoved");
        String removed = diff(base, empty);
        assertThat(removed).contains("label=\"grant_role\\nprivileged\\nremoved\"").doesNotContain("\\nadded")
                .doesNotContain("color=\"red\"");
    }

    @Test
    void unchangedToolsStillCollapseButChangedOnesDoNot() {
        Report big = SampleReports.manyTools(90);
        List<ToolView> tools = new ArrayList<>(big.tools());
        tools.remove(0);
        Report smaller = new Report(big.tool(), big.inputs(), big.notifications(), big.agents(), tools, big.credentials(),
                big.servers(), big.findings(), big.rules());
        String text = diff(big, smaller);
        assertThat(text).contains("label=\"tool0\\nread-only\\nremoved\"").contains("read-only tools\", shape=\"folder\"")
                .contains("privileged tools\", shape=\"folder\"");
        assertThat(text).doesNotContain("label=\"tool1\\n");
    }

    @Test
    void matchesGolden() throws IOException {
        Goldens.assertMatches("support-agent-diff.dot", dot);
    }

    private String line(String fragment) {
        return dot.lines().filter(l -> l.contains(fragment)).findFirst().orElseThrow(() -> new AssertionError(fragment));
    }

    private String id(String fragment) {
        String l = line(fragment).strip();
        return l.substring(1, l.indexOf('"', 1));
    }
}
