package dev.faultline.history;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The history as Markdown, for an audit ticket: a summary, the timeline of authority changes
 * (oldest first, fused and lock-less commits flagged), the findings with the commits that opened
 * and closed them, and today's inventory sorted by blast radius.
 */
public final class HistoryMarkdownWriter {
    /** Writes the document; the caller owns {@code out}. */
    public void write(History h, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("## Authority history of `").append(h.root()).append("`\n\n");
        s.append(h.commitsWalked()).append(" commit").append(h.commitsWalked() == 1 ? "" : "s").append(" walked (")
                .append(h.allCommits() ? "every commit" : "first parent").append(" up to ").append(h.head().shortId()).append(", ")
                .append(h.head().date()).append(h.since().isEmpty() ? "" : ", since " + h.since()).append("); ")
                .append(h.commits().size()).append(" changed files that can carry authority (tool schemas, configs, code, the manifest, the lock) and were compared with their first parent; ")
                .append(h.treesCompiled()).append(" distinct trees were compiled.\n");
        long fused = h.commits().stream().filter(CompiledCommit::fused).count();
        long noLock = h.commits().stream().filter(CompiledCommit::authorityWithoutLock).count();
        s.append("Flags: **fused** = the commit changed the control plane and the data plane together (").append(fused)
                .append("); **no lock** = it changed authority without touching `faultline.lock` (").append(noLock).append(").\n\n");
        s.append("### Timeline\n\n");
        List<AuthorityEvent> authority = h.events().stream().filter(e -> !e.category().equals("finding")).toList();
        if (authority.isEmpty()) {
            s.append("No authority change in the walked range.\n\n");
        } else {
            s.append("| Commit | Date | Author | Subject | Change | On | Before → after | Blast radius | Flags |\n");
            s.append("|---|---|---|---|---|---|---|---|---|\n");
            for (AuthorityEvent e : authority) {
                s.append("| `").append(e.commit().shortId()).append("` | ").append(e.commit().date()).append(" | ")
                        .append(cell(e.commit().author())).append(" | ").append(cell(e.commit().subject())).append(" | ")
                        .append(e.kind()).append(" | ").append(e.category()).append(" `").append(cell(e.subject())).append("` | ")
                        .append(cell(change(e))).append(" | ").append(e.blastRadius()).append(" | ").append(flags(e)).append(" |\n");
            }
            s.append('\n');
        }
        s.append("### Findings (taint paths and compositions)\n\n");
        List<AuthorityEvent> findings = h.events().stream().filter(e -> e.category().equals("finding")).toList();
        if (findings.isEmpty()) {
            s.append("None opened or closed in the walked range.\n\n");
        } else {
            s.append("| Finding | Severity | Change | Commit | Date | Subject |\n|---|---|---|---|---|---|\n");
            for (AuthorityEvent e : findings) {
                s.append("| `").append(cell(e.subject())).append("` | ").append(e.blastRadius()).append(" | ")
                        .append(e.kind().substring("finding-".length())).append(cell(sources(e))).append(" | `").append(e.commit().shortId()).append("` | ")
                        .append(e.commit().date()).append(" | ").append(cell(e.commit().subject())).append(" |\n");
            }
            s.append('\n');
        }
        s.append("### Inventory at ").append(h.head().shortId()).append(" (age relative to ").append(h.head().date()).append(")\n\n");
        if (h.inventory().isEmpty()) {
            s.append("The agent has no authority at HEAD.\n");
        } else {
            s.append("| Blast radius | Kind | Name | Detail | Age (days) | Origin |\n|---|---|---|---|---|---|\n");
            for (InventoryRow r : h.inventory()) {
                s.append("| ").append(r.blastRadius().isEmpty() ? "-" : r.blastRadius()).append(" | ").append(r.category())
                        .append(" | `").append(cell(r.subject())).append("` | ").append(cell(r.detail())).append(" | ")
                        .append(r.atLeast() ? "≥ " : "").append(r.ageDays()).append(" | ")
                        .append(r.origin().map(o -> "`" + o.shortId() + "` " + cell(o.subject())).orElse("before the walked range"))
                        .append(" |\n");
            }
        }
        out.write(s.toString());
    }

    static String change(AuthorityEvent e) {
        if (e.before().isEmpty()) {
            return e.after();
        }
        return e.after().isEmpty() ? e.before() + " → (gone)" : e.before() + " → " + e.after();
    }

    /** For a taint path whose sources changed in place, {@code (+ joined; − left)}; else {@code ""}. */
    static String sources(AuthorityEvent e) {
        if (e.before().equals("open") || e.after().equals("open") || e.before().isEmpty() && e.after().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!e.after().isEmpty()) {
            parts.add("+ " + e.after());
        }
        if (!e.before().isEmpty()) {
            parts.add("− " + e.before());
        }
        return " (" + String.join("; ", parts) + ")";
    }

    static String flags(AuthorityEvent e) {
        List<String> f = new ArrayList<>();
        if (e.fused()) {
            f.add("fused");
        }
        if (e.withoutLock()) {
            f.add("no lock");
        }
        return String.join(", ", f);
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("\r", " ").replace("\n", " ");
    }
}
