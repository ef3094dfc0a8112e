package dev.faultline.diff;

import dev.faultline.report.DisplayText;
import dev.faultline.report.Finding;
import dev.faultline.report.Location;
import dev.faultline.report.MarkdownReportWriter;
import dev.faultline.report.TaintSource;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The diff as a pull-request comment: the verdict line first, the headlines, the gates with their
 * owners, then a "Data plane" and a "Control plane" section, each a few lines long, with the evidence
 * collapsed in {@code <details>}. Every piece of scanned text is escaped; owners are shown as code so
 * the comment mentions nobody.
 */
public final class DiffMarkdownWriter {
    private static final int MAX_ROWS = 50;

    /** Writes the comment; the caller owns {@code out}. */
    public void write(DiffReport d, Writer out) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("**Faultline verdict: `").append(d.verdict().id()).append("`** — ").append(summary(d)).append("\n\n");
        for (String h : d.headlines()) {
            md.append("> **").append(text(h)).append("**\n");
        }
        if (!d.headlines().isEmpty()) {
            md.append('\n');
        }
        if (!d.gates().isEmpty()) {
            md.append("| gate | plane | owners | why |\n|---|---|---|---|\n");
            for (Gate g : d.gates()) {
                md.append("| ").append(g.name()).append(" | ").append(g.plane()).append(" | ").append(owners(g.owners()))
                        .append(" | ").append(text(g.why())).append(" |\n");
            }
            md.append('\n');
        }
        dataPlane(d, md);
        controlPlane(d, md);
        other(d, md);
        md.append("<details><summary>Why this verdict</summary>\n\n");
        d.reasons().forEach(r -> md.append("- ").append(text(r)).append('\n'));
        d.failedInputs().forEach(r -> md.append("- could not read ").append(text(r)).append('\n'));
        md.append("\n</details>\n\n");
        md.append("<sub>Faultline diff: base ").append(code(d.base())).append(" → head ").append(code(d.head())).append("</sub>\n");
        out.write(md.toString());
    }

    private static String summary(DiffReport d) {
        return switch (d.verdict()) {
            case PASS -> "no change on either plane.";
            case EVAL_REVIEW -> "data plane only: the eval gate applies.";
            case SECURITY_SIGNOFF -> "the control plane changed: security sign-off required.";
            case BLOCK -> "a new or widened critical path or composition: do not merge as is.";
        };
    }

    private static void dataPlane(DiffReport d, StringBuilder md) {
        List<FileChange> files = d.dataPlaneFiles();
        md.append("### Data plane").append(files.isEmpty() ? "\n\nNo change.\n\n" : " — eval gate\n\n");
        if (files.isEmpty()) {
            return;
        }
        for (FileChange f : files) {
            md.append("- ").append(code(f.path())).append(" (").append(f.change().id()).append(f.plane() == Plane.MIXED ? ", mixed" : "")
                    .append(")");
            List<String> prompts = f.members().stream().filter(m -> m.plane().touchesData()).map(MemberChange::member).toList();
            if (!prompts.isEmpty()) {
                md.append(": ").append(prompts.stream().map(DiffMarkdownWriter::code).collect(Collectors.joining(", ")));
            }
            md.append('\n');
        }
        md.append("\n<details><summary>Data-plane evidence</summary>\n\n");
        evidence(files, Plane.DATA, md);
        md.append("\n</details>\n\n");
    }

    private static void controlPlane(DiffReport d, StringBuilder md) {
        List<FileChange> files = d.controlPlaneFiles();
        boolean nothing = files.isEmpty() && d.scope().isEmpty() && d.findings().added().isEmpty() && d.findings().fixed().isEmpty()
                && d.findings().sources().isEmpty();
        md.append("### Control plane").append(nothing ? "\n\nNo change.\n\n" : " — security sign-off\n\n");
        if (nothing) {
            return;
        }
        if (!d.scope().isEmpty()) {
            md.append("| change | subject | before | after | blast radius |\n|---|---|---|---|---|\n");
            d.scope().stream().limit(MAX_ROWS).forEach(s -> md.append("| ").append(s.kind()).append(" | ").append(code(s.subject()))
                    .append(" | ").append(cell(s.before())).append(" | ").append(cell(s.after())).append(" | ")
                    .append(s.blastRadius().isEmpty() ? "–" : "**" + s.blastRadius() + "**").append(" |\n"));
            if (d.scope().size() > MAX_ROWS) {
                md.append("\n(").append(d.scope().size() - MAX_ROWS).append(" more rows in the JSON output)\n");
            }
            md.append('\n');
        }
        if (!d.findings().added().isEmpty()) {
            md.append("New findings:\n\n");
            for (Finding f : d.findings().added()) {
                md.append("- **").append(f.severity().id()).append("** ").append(code(f.ruleId())).append(' ').append(code(f.key()))
                        .append(" at ").append(code(f.location().display())).append('\n');
            }
            md.append('\n');
        }
        List<SourceChange> widened = d.findings().widenedSources();
        if (!widened.isEmpty()) {
            md.append("Widened taint paths (the same agent and sink, reached from new untrusted sources):\n\n");
            for (SourceChange c : widened) {
                Finding f = c.head();
                md.append("- **").append(f.severity().id()).append("** ").append(code(f.ruleId())).append(' ').append(code(f.key()))
                        .append(" at ").append(code(f.location().display())).append(": new ").append(text(list(c.joinedSources())));
                if (!c.left().isEmpty()) {
                    md.append("; gone ").append(text(list(c.leftSources())));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        List<SourceChange> narrowed = d.findings().narrowedSources();
        if (!narrowed.isEmpty()) {
            md.append("Narrowed taint paths: ").append(narrowed.stream().map(c -> code(c.head().ruleId() + " " + c.head().key())
                    + " (gone " + text(list(c.leftSources())) + ")").collect(Collectors.joining(", "))).append("\n\n");
        }
        if (!d.findings().fixed().isEmpty()) {
            md.append("Fixed findings: ").append(d.findings().fixed().stream().map(f -> code(f.ruleId() + " " + f.key()))
                    .collect(Collectors.joining(", "))).append("\n\n");
        }
        md.append("<details><summary>Control-plane evidence (").append(files.size()).append(files.size() == 1 ? " file" : " files")
                .append(", ").append(d.scope().size()).append(d.scope().size() == 1 ? " change" : " changes").append(")</summary>\n\n");
        for (ScopeChange s : d.scope()) {
            md.append("- ").append(s.kind()).append(' ').append(code(s.subject())).append(": ").append(text(s.evidence()))
                    .append(at(s.location())).append('\n');
        }
        if (!d.scope().isEmpty() && !files.isEmpty()) {
            md.append('\n');
        }
        evidence(files, Plane.CONTROL, md);
        for (Finding f : d.findings().added()) {
            md.append("- ").append(code(f.ruleId())).append(": ").append(text(f.message())).append('\n');
        }
        for (SourceChange c : widened) {
            md.append("- ").append(code(c.head().ruleId())).append(" (widened): ").append(text(c.annotated().message())).append('\n');
        }
        md.append("\n</details>\n\n");
    }

    /** Every source named, up to {@value #MAX_ROWS}; the JSON output has them all. */
    private static String list(List<TaintSource> sources) {
        String named = sources.stream().limit(MAX_ROWS).map(TaintSource::name).collect(Collectors.joining(", "));
        return sources.size() > MAX_ROWS ? named + " and " + (sources.size() - MAX_ROWS) + " more" : named;
    }

    private static void other(DiffReport d, StringBuilder md) {
        List<FileChange> files = d.otherFiles();
        if (files.isEmpty()) {
            return;
        }
        md.append("<details><summary>Changed on neither plane (").append(files.size()).append(files.size() == 1 ? " file" : " files")
                .append(")</summary>\n\n");
        for (FileChange f : files) {
            md.append("- ").append(code(f.path())).append(" (").append(f.change().id()).append("): ")
                    .append(text(f.evidence().isEmpty() ? f.members().get(0).evidence().get(0).detail() : f.evidence().get(0).detail()))
                    .append('\n');
        }
        md.append("\n</details>\n\n");
    }

    private static void evidence(List<FileChange> files, Plane plane, StringBuilder md) {
        for (FileChange f : files) {
            md.append("- ").append(code(f.path())).append(" (").append(f.change().id()).append(", ").append(f.plane().id()).append(")\n");
            f.evidence().stream().filter(e -> e.plane() == plane).forEach(e -> md.append("  - ").append(text(e.detail()))
                    .append(rule(e.rule())).append(at(e.location())).append('\n'));
            for (MemberChange m : f.members()) {
                boolean onPlane = plane == Plane.DATA ? m.plane().touchesData() : m.plane().touchesControl();
                if (!onPlane) {
                    continue;
                }
                md.append("  - ").append(code(m.member())).append(" (").append(m.change().id()).append("): ")
                        .append(m.evidence().stream().filter(e -> e.plane() == plane)
                                .map(e -> text(e.detail()) + rule(e.rule()) + at(e.location())).distinct()
                                .collect(Collectors.joining("; ")))
                        .append('\n');
            }
        }
    }

    private static String rule(String rule) {
        return rule.isEmpty() ? "" : " [" + text(rule) + "]";
    }

    private static String at(Location l) {
        return l.path().isEmpty() ? "" : " at " + code(l.display());
    }

    private static String owners(List<String> owners) {
        return owners.isEmpty() ? "(none in faultline.yaml)" : owners.stream().map(DiffMarkdownWriter::code).collect(Collectors.joining(" "));
    }

    private static String cell(String value) {
        return value.isEmpty() ? "–" : text(DisplayText.truncate(value, 80));
    }

    private static String text(String raw) {
        return MarkdownReportWriter.text(raw);
    }

    private static String code(String raw) {
        return MarkdownReportWriter.code(raw, true);
    }

}
