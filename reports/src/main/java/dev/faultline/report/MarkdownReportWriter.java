package dev.faultline.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown report, sized for a pull-request comment: a summary table, the tools by blast
 * radius (worst first), the findings grouped by rule, then the inputs that were not analysed and
 * the notifications. Output stays under {@link #MAX_CHARS}; findings that do not fit are counted in
 * a closing note. Every piece of scanned text is escaped so it cannot break a table, inject HTML,
 * open a link or mention a user.
 */
public final class MarkdownReportWriter implements ReportWriter {

    /** GitHub rejects comments longer than 65,536 characters; this leaves room for a header. */
    public static final int MAX_CHARS = 65_000;

    private static final int MAX_TOOL_TABLE_CHARS = 25_000;
    private static final int RESERVE = 300;

    @Override
    public String format() {
        return "md";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        String head = "# Faultline report\n\n" + summary(report) + tools(report);
        String tail = problems(report) + notifications(report);
        int budget = MAX_CHARS - head.length() - tail.length() - RESERVE;

        StringBuilder findings = new StringBuilder();
        int omitted = 0;
        for (Map.Entry<String, List<Finding>> group : report.findingsByRule().entrySet()) {
            String heading = ruleHeading(report, group.getKey());
            boolean headed = false;
            for (Finding f : group.getValue()) {
                String block = finding(f);
                int needed = block.length() + (headed ? 0 : heading.length());
                if (omitted > 0 || findings.length() + needed > budget) {
                    omitted++;
                    continue;
                }
                if (!headed) {
                    findings.append(heading);
                    headed = true;
                }
                findings.append(block);
            }
        }

        StringBuilder md = new StringBuilder(head);
        md.append("## Findings\n\n");
        if (report.findings().isEmpty()) {
            md.append("No findings.\n\n");
        }
        md.append(findings);
        if (omitted > 0) {
            md.append("… ").append(omitted).append(" more findings not shown (limit of GitHub comments); ")
                    .append("see the JSON or SARIF report\n\n");
        }
        md.append(tail);
        String text = md.toString().stripTrailing() + "\n";
        out.write(text);
    }

    private static String summary(Report report) {
        StringBuilder sb = new StringBuilder("| summary | count |\n|---|---:|\n");
        List<Finding> active = report.activeFindings();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            row(sb, s.id() + " findings", active.stream().filter(f -> f.severity() == s).count());
        }
        row(sb, "suppressed findings", report.findings().size() - active.size());
        for (InputStatus status : InputStatus.values()) {
            row(sb, "inputs " + status.id(), report.inputs().stream().filter(in -> in.status() == status).count());
        }
        row(sb, "agents", report.agents().size());
        row(sb, "tools", report.tools().size());
        return sb.append('\n').toString();
    }

    private static void row(StringBuilder sb, String label, long count) {
        sb.append("| ").append(label).append(" | ").append(count).append(" |\n");
    }

    private static String tools(Report report) {
        if (report.tools().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Tools\n\n| tool | blast radius | flags | credentials | agents |\n"
                + "|---|---|---|---|---|\n");
        List<ToolView> sorted = report.tools().stream().sorted(BlastRadius.WORST_FIRST).toList();
        int shown = 0;
        for (ToolView t : sorted) {
            String row = "| " + code(t.id(), true) + " | " + text(t.blastRadius()) + " | " + flags(t) + " | "
                    + codes(t.credentials()) + " | " + texts(t.agents()) + " |\n";
            if (sb.length() + row.length() > MAX_TOOL_TABLE_CHARS) {
                break;
            }
            sb.append(row);
            shown++;
        }
        if (shown < sorted.size()) {
            sb.append("\n… ").append(sorted.size() - shown).append(" more tools not shown; see the JSON report\n");
        }
        return sb.append('\n').toString();
    }

    private static String flags(ToolView t) {
        List<String> flags = t.flagNames();
        return flags.isEmpty() ? "–" : String.join(", ", flags);
    }

    private static String ruleHeading(Report report, String ruleId) {
        Optional<RuleDescriptor> rule = report.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst();
        return "### " + code(ruleId, false)
                + rule.map(r -> " — " + text(r.name())).orElse("") + "\n\n"
                + rule.map(r -> text(r.shortDescription()) + "\n\n").orElse("");
    }

    private static String finding(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append("- **").append(f.severity().id()).append("**");
        if (f.suppression().isPresent()) {
            sb.append(" (suppressed: ").append(text(f.suppression().get().justification())).append(')');
        }
        sb.append(" ").append(text(f.message())).append("<br>\n");
        sb.append("  at ").append(code(where(f.location()), false))
                .append(" · key ").append(code(f.key(), false)).append('\n');
        if (!f.related().isEmpty()) {
            for (RelatedLocation r : f.related()) {
                sb.append("  - ").append(code(where(r.location()), false)).append(' ').append(text(r.message()))
                        .append('\n');
            }
        }
        if (!f.steps().isEmpty()) {
            sb.append("\n  <details><summary>Path: ").append(f.steps().size()).append(" steps</summary>\n\n");
            for (int i = 0; i < f.steps().size(); i++) {
                FlowStep step = f.steps().get(i);
                sb.append("  ").append(i + 1).append(". ").append(code(where(step.location()), false))
                        .append(' ').append(text(step.message())).append('\n');
            }
            sb.append("\n  </details>\n");
        }
        return sb.append('\n').toString();
    }

    private static String problems(Report report) {
        List<InputFile> problems = report.inputs().stream()
                .filter(in -> in.status() == InputStatus.FAILED
                        || (in.status() == InputStatus.SKIPPED && in.location().hasRegion()))
                .toList();
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Inputs not analysed\n\n| input | status | reason |\n|---|---|---|\n");
        for (InputFile in : problems) {
            sb.append("| ").append(code(where(in.location()), true)).append(" | ").append(in.status().id())
                    .append(" | ").append(text(in.reason())).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    private static String notifications(Report report) {
        if (report.notifications().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Notifications\n\n");
        for (Notification n : report.notifications()) {
            sb.append("- **").append(text(n.level())).append("** ").append(text(n.message()));
            if (!n.location().path().isEmpty()) {
                sb.append(" at ").append(code(where(n.location()), false));
            }
            if (!n.id().isEmpty()) {
                sb.append(" (").append(code(n.id(), false)).append(')');
            }
            sb.append('\n');
        }
        return sb.append('\n').toString();
    }

    /** {@code path:line}, or the path alone when no line is known. */
    private static String where(Location l) {
        return l.hasRegion() ? l.path() + ":" + l.startLine() : l.path();
    }

    private static String texts(List<String> values) {
        return values.isEmpty() ? "–" : String.join(", ", values.stream().map(MarkdownReportWriter::text).toList());
    }

    private static String codes(List<String> values) {
        return values.isEmpty() ? "–" : String.join(", ", values.stream().map(v -> code(v, true)).toList());
    }

    /**
     * Scanned text as inert Markdown on one line: Markdown punctuation is backslash-escaped, HTML
     * and {@code @} become entities, so nothing can open a tag, a link, a table cell or a mention.
     */
    public static String text(String raw) {
        String s = DisplayText.sanitize(raw);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '@' -> sb.append("&#64;");
                case '\\', '|', '`', '*', '_', '[', ']', '#', '~', '!' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Scanned text as an inline code span, fenced with more backticks than it contains. Inside a
     * table ({@code inTable}) pipes are escaped, which GitHub honours even in code spans.
     */
    public static String code(String raw, boolean inTable) {
        String s = DisplayText.sanitize(raw);
        if (inTable) {
            s = s.replace("|", "\\|");
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = s.startsWith("`") || s.endsWith("`") || s.isEmpty();
        return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
    }
}
