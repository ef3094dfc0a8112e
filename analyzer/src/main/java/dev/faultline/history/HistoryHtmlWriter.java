package dev.faultline.history;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history as one self-contained HTML page (no scripts, no external resources, every text
 * escaped): a timeline picture drawn as inline SVG (the compiled commits evenly spaced on an axis,
 * one coloured mark per authority change above it: red widens, green narrows, orange a finding
 * opened; fused commits ringed), then the timeline, findings and inventory tables.
 */
public final class HistoryHtmlWriter {
    private static final int STEP = 64;
    private static final int MARK = 12;

    /** Writes the document; the caller owns {@code out}. */
    public void write(History h, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Authority history of ")
                .append(esc(h.root())).append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}th{background:#eee}code{font-size:95%}</style>\n"
                        + "</head><body>\n");
        s.append("<h1>Authority history of <code>").append(esc(h.root())).append("</code></h1>\n<p>").append(h.commitsWalked())
                .append(" commits walked (").append(h.allCommits() ? "every commit" : "first parent").append(" up to <code>")
                .append(esc(h.head().shortId())).append("</code>, ").append(esc(h.head().date()))
                .append(h.since().isEmpty() ? "" : ", since " + esc(h.since())).append("); ").append(h.commits().size())
                .append(" changed files that can carry authority and were compared with their first parent; ").append(h.treesCompiled())
                .append(" distinct trees compiled.</p>\n");
        svg(h, s);
        s.append("<h2>Timeline</h2>\n<table><tr><th>Commit</th><th>Date</th><th>Author</th><th>Subject</th><th>Change</th><th>On</th>"
                + "<th>Before → after</th><th>Blast radius</th><th>Flags</th></tr>\n");
        for (AuthorityEvent e : h.events()) {
            if (e.category().equals("finding")) {
                continue;
            }
            s.append("<tr><td><code>").append(esc(e.commit().shortId())).append("</code></td><td>").append(esc(e.commit().date()))
                    .append("</td><td>").append(esc(e.commit().author())).append("</td><td>").append(esc(e.commit().subject()))
                    .append("</td><td>").append(esc(e.kind())).append("</td><td>").append(esc(e.category())).append(" <code>")
                    .append(esc(e.subject())).append("</code></td><td>").append(esc(HistoryMarkdownWriter.change(e)))
                    .append("</td><td>").append(esc(e.blastRadius())).append("</td><td>").append(esc(HistoryMarkdownWriter.flags(e)))
                    .append("</td></tr>\n");
        }
        s.append("</table>\n<h2>Findings</h2>\n<table><tr><th>Finding</th><th>Severity</th><th>Change</th><th>Commit</th><th>Subject</th></tr>\n");
        for (AuthorityEvent e : h.events()) {
            if (e.category().equals("finding")) {
                s.append("<tr><td><code>").append(esc(e.subject())).append("</code></td><td>").append(esc(e.blastRadius()))
                        .append("</td><td>").append(esc(e.kind() + HistoryMarkdownWriter.sources(e))).append("</td><td><code>").append(esc(e.commit().shortId()))
                        .append("</code></td><td>").append(esc(e.commit().subject())).append("</td></tr>\n");
            }
        }
        s.append("</table>\n<h2>Inventory at <code>").append(esc(h.head().shortId())).append("</code></h2>\n<table><tr><th>Blast radius</th>"
                + "<th>Kind</th><th>Name</th><th>Detail</th><th>Age (days)</th><th>Origin</th></tr>\n");
        for (InventoryRow r : h.inventory()) {
            s.append("<tr><td>").append(esc(r.blastRadius())).append("</td><td>").append(esc(r.category())).append("</td><td><code>")
                    .append(esc(r.subject())).append("</code></td><td>").append(esc(r.detail())).append("</td><td>")
                    .append(r.atLeast() ? "≥ " : "").append(r.ageDays()).append("</td><td>")
                    .append(r.origin().map(o -> "<code>" + esc(o.shortId()) + "</code> " + esc(o.subject())).orElse("before the walked range"))
                    .append("</td></tr>\n");
        }
        s.append("</table>\n</body></html>\n");
        out.write(s.toString());
    }

    private static void svg(History h, StringBuilder s) {
        Map<String, List<AuthorityEvent>> byCommit = new LinkedHashMap<>();
        h.commits().forEach(c -> byCommit.put(c.commit().id(), new java.util.ArrayList<>()));
        h.events().forEach(e -> byCommit.computeIfAbsent(e.commit().id(), k -> new java.util.ArrayList<>()).add(e));
        int most = byCommit.values().stream().mapToInt(List::size).max().orElse(0);
        int width = Math.max(1, h.commits().size()) * STEP + 40;
        int axis = 30 + most * (MARK + 2);
        int height = axis + 70;
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"timeline of authority changes\">\n");
        s.append("<line x1=\"10\" y1=\"").append(axis).append("\" x2=\"").append(width - 10).append("\" y2=\"").append(axis)
                .append("\" stroke=\"#333\"/>\n");
        int i = 0;
        for (CompiledCommit c : h.commits()) {
            int x = 30 + i * STEP;
            s.append("<g><title>").append(esc(c.commit().shortId() + " " + c.commit().date() + " " + c.commit().subject()))
                    .append("</title><circle cx=\"").append(x).append("\" cy=\"").append(axis).append("\" r=\"5\" fill=\"")
                    .append(c.fused() ? "#fff\" stroke=\"#c00\" stroke-width=\"3" : "#333").append("\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(axis + 20).append("\" font-size=\"10\" text-anchor=\"middle\">")
                    .append(esc(c.commit().shortId())).append("</text><text x=\"").append(x).append("\" y=\"").append(axis + 32)
                    .append("\" font-size=\"9\" text-anchor=\"middle\">").append(esc(c.commit().date().substring(0, 10)))
                    .append("</text></g>\n");
            int j = 0;
            for (AuthorityEvent e : byCommit.getOrDefault(c.commit().id(), List.of())) {
                int y = axis - 10 - (j + 1) * (MARK + 2);
                s.append("<rect x=\"").append(x - MARK / 2).append("\" y=\"").append(y).append("\" width=\"").append(MARK)
                        .append("\" height=\"").append(MARK).append("\" fill=\"").append(colour(e)).append("\"><title>")
                        .append(esc(e.kind() + " " + e.category() + " " + e.subject())).append("</title></rect>\n");
                j++;
            }
            i++;
        }
        s.append("<text x=\"10\" y=\"").append(height - 8).append("\" font-size=\"10\">red: authority widened · green: narrowed · "
                + "orange: finding opened · blue: finding closed · ringed commit: fused (control and data plane together)</text>\n");
        s.append("</svg>\n");
    }

    private static String colour(AuthorityEvent e) {
        return switch (e.kind()) {
            case "finding-opened", "finding-widened", "finding-narrowed" -> "#e80";
            case "finding-closed" -> "#36c";
            case "tool-removed", "blast-radius-lowered", "credential-removed", "server-removed", "agent-loses-tool", "agent-removed",
                    "approval-added", "gate-added" -> "#393";
            default -> "#c00";
        };
    }

    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
