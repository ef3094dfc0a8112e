package dev.faultline.diff;

import dev.faultline.report.DisplayText;
import dev.faultline.report.Finding;
import dev.faultline.report.TaintSource;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * The diff as one self-contained HTML page: the verdict and gates first, then the data plane and
 * the control plane side by side, then the capability graph of the change (inline SVG when one
 * could be drawn, else its DOT source). No script, no network; every scanned string is escaped.
 */
public final class DiffHtmlWriter {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328}
            h1{font-size:20px}h2{font-size:16px;margin-top:0}
            .verdict{padding:10px 14px;border-radius:6px;font-weight:600;margin-bottom:12px}
            .block{background:#ffebe9;border:1px solid #cf222e}.security-signoff{background:#fff8c5;border:1px solid #9a6700}
            .eval-review{background:#ddf4ff;border:1px solid #0969da}.pass{background:#dafbe1;border:1px solid #1a7f37}
            .planes{display:grid;grid-template-columns:1fr 1fr;gap:16px;align-items:start}
            .plane{border:1px solid #d0d7de;border-radius:6px;padding:12px}
            .data{border-top:4px solid #0969da}.control{border-top:4px solid #cf222e}
            table{border-collapse:collapse;width:100%;margin:8px 0}td,th{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
            code{font-size:12px;background:#f6f8fa;padding:1px 3px;border-radius:3px}.muted{color:#57606a}
            .graph svg{max-width:100%;height:auto}pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}
            """;

    private final Optional<String> svg;

    /** A writer that inlines {@code svg} as the change's graph, or shows {@code dot} when empty. */
    public DiffHtmlWriter(Optional<String> svg) {
        this.svg = svg;
    }

    /** Writes the page for {@code d}; {@code dot} is the graph's DOT source, shown when there is no SVG. */
    public void write(DiffReport d, String dot, Writer out) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>Faultline diff: ").append(esc(d.verdict().id())).append("</title>\n<style>").append(CSS)
                .append("</style></head><body>\n<h1>Faultline diff <span class=\"muted\">").append(esc(d.base())).append(" → ")
                .append(esc(d.head())).append("</span></h1>\n");
        h.append("<div class=\"verdict ").append(esc(d.verdict().id())).append("\">verdict: ").append(esc(d.verdict().id()))
                .append("</div>\n");
        if (!d.headlines().isEmpty()) {
            h.append("<ul>\n");
            d.headlines().forEach(x -> h.append("<li><b>").append(esc(x)).append("</b></li>\n"));
            h.append("</ul>\n");
        }
        h.append("<table><tr><th>gate</th><th>plane</th><th>owners</th><th>why</th></tr>\n");
        for (Gate g : d.gates()) {
            h.append("<tr><td>").append(esc(g.name())).append("</td><td>").append(esc(g.plane())).append("</td><td>")
                    .append(g.owners().isEmpty() ? "<span class=\"muted\">none in faultline.yaml</span>"
                            : esc(String.join(", ", g.owners())))
                    .append("</td><td>").append(esc(g.why())).append("</td></tr>\n");
        }
        h.append("</table>\n<div class=\"planes\">\n<section class=\"plane data\"><h2>Data plane — eval gate</h2>\n");
        files(d.files().stream().filter(f -> f.plane().touchesData()).toList(), Plane.DATA, h);
        h.append("</section>\n<section class=\"plane control\"><h2>Control plane — security sign-off</h2>\n");
        if (!d.scope().isEmpty()) {
            h.append("<table><tr><th>change</th><th>subject</th><th>before</th><th>after</th><th>blast radius</th></tr>\n");
            for (ScopeChange s : d.scope()) {
                h.append("<tr><td>").append(esc(s.kind())).append("</td><td><code>").append(esc(s.subject())).append("</code></td><td>")
                        .append(esc(s.before())).append("</td><td>").append(esc(s.after())).append("</td><td>")
                        .append(esc(s.blastRadius())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        List<Finding> added = d.findings().added();
        if (!added.isEmpty()) {
            h.append("<p><b>New findings</b></p><ul>\n");
            added.forEach(f -> h.append("<li>").append(esc(f.severity().id())).append(" <code>").append(esc(f.ruleId()))
                    .append("</code> <code>").append(esc(f.key())).append("</code>: ").append(esc(f.message())).append("</li>\n"));
            h.append("</ul>\n");
        }
        List<SourceChange> widened = d.findings().widenedSources();
        if (!widened.isEmpty()) {
            h.append("<p><b>Widened taint paths</b> (new untrusted sources)</p><ul>\n");
            widened.forEach(c -> h.append("<li>").append(esc(c.head().severity().id())).append(" <code>").append(esc(c.head().ruleId()))
                    .append("</code> <code>").append(esc(c.head().key())).append("</code>: new ")
                    .append(esc(String.join(", ", c.joinedSources().stream().map(TaintSource::name).toList())))
                    .append(c.left().isEmpty() ? "" : "; gone " + esc(String.join(", ", c.leftSources().stream().map(TaintSource::name).toList())))
                    .append("</li>\n"));
            h.append("</ul>\n");
        }
        List<SourceChange> narrowed = d.findings().narrowedSources();
        if (!narrowed.isEmpty()) {
            h.append("<p><b>Narrowed taint paths</b></p><ul>\n");
            narrowed.forEach(c -> h.append("<li><code>").append(esc(c.head().ruleId())).append("</code> <code>").append(esc(c.head().key()))
                    .append("</code>: gone ").append(esc(String.join(", ", c.leftSources().stream().map(TaintSource::name).toList())))
                    .append("</li>\n"));
            h.append("</ul>\n");
        }
        files(d.files().stream().filter(f -> f.plane().touchesControl()).toList(), Plane.CONTROL, h);
        h.append("</section>\n</div>\n<h2>The change as a capability graph</h2>\n<div class=\"graph\">");
        if (svg.isPresent()) {
            h.append(svg.get());
        } else {
            h.append("<p class=\"muted\">No Graphviz engine could draw the graph here; its DOT source:</p><pre>")
                    .append(html(dot)).append("</pre>");
        }
        h.append("</div>\n</body></html>\n");
        out.write(h.toString());
    }

    private static void files(List<FileChange> files, Plane plane, StringBuilder h) {
        if (files.isEmpty()) {
            h.append("<p class=\"muted\">no change on this plane</p>\n");
            return;
        }
        h.append("<ul>\n");
        for (FileChange f : files) {
            h.append("<li><code>").append(esc(f.path())).append("</code> (").append(esc(f.change().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(")<ul>\n");
            for (PlaneEvidence e : f.evidence()) {
                h.append("<li>").append(esc(e.detail())).append("</li>\n");
            }
            for (MemberChange m : f.members()) {
                if (m.plane() == plane || m.plane() == Plane.MIXED) {
                    h.append("<li><code>").append(esc(m.member())).append("</code>: ")
                            .append(esc(String.join("; ", m.evidence().stream().map(PlaneEvidence::detail).toList()))).append("</li>\n");
                }
            }
            h.append("</ul></li>\n");
        }
        h.append("</ul>\n");
    }

    private static String esc(String raw) {
        return html(DisplayText.sanitize(raw));
    }

    private static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
