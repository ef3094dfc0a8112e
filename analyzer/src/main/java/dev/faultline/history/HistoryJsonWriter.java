package dev.faultline.history;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.faultline.report.JsonReportWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The history as JSON ({@code schemaVersion} 1) with a fixed key order, documented in the README:
 * {@code root}, {@code head}, {@code allCommits}, {@code since}, {@code commitsWalked},
 * {@code treesCompiled}, {@code commits}, {@code events} and {@code inventory}. Output ends with a newline.
 */
public final class HistoryJsonWriter {
    /** Version of the history JSON shape. */
    public static final String SCHEMA_VERSION = "1";

    /** Writes the document; the caller owns {@code out}. */
    public void write(History h, Writer out) throws IOException {
        try (JsonGenerator g = JsonReportWriter.newGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("root", h.root());
            g.writeFieldName("head");
            commit(g, h.head());
            g.writeBooleanField("allCommits", h.allCommits());
            g.writeStringField("since", h.since());
            g.writeNumberField("commitsWalked", h.commitsWalked());
            g.writeNumberField("treesCompiled", h.treesCompiled());
            g.writeArrayFieldStart("commits");
            for (CompiledCommit c : h.commits()) {
                g.writeStartObject();
                g.writeFieldName("commit");
                commit(g, c.commit());
                strings(g, "controlFiles", c.controlFiles());
                strings(g, "dataFiles", c.dataFiles());
                g.writeBooleanField("fused", c.fused());
                g.writeBooleanField("lockTouched", c.lockTouched());
                g.writeNumberField("authorityChanges", c.authorityChanges());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("events");
            for (AuthorityEvent e : h.events()) {
                g.writeStartObject();
                g.writeStringField("commit", e.commit().id());
                g.writeStringField("category", e.category());
                g.writeStringField("kind", e.kind());
                g.writeStringField("subject", e.subject());
                g.writeStringField("before", e.before());
                g.writeStringField("after", e.after());
                g.writeStringField("blastRadius", e.blastRadius());
                g.writeBooleanField("fused", e.fused());
                g.writeBooleanField("withoutLock", e.withoutLock());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("inventory");
            for (InventoryRow r : h.inventory()) {
                g.writeStartObject();
                g.writeStringField("category", r.category());
                g.writeStringField("subject", r.subject());
                g.writeStringField("blastRadius", r.blastRadius());
                g.writeStringField("detail", r.detail());
                if (r.origin().isPresent()) {
                    g.writeFieldName("origin");
                    commit(g, r.origin().get());
                } else {
                    g.writeNullField("origin");
                }
                g.writeNumberField("ageDays", r.ageDays());
                g.writeBooleanField("atLeast", r.atLeast());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
    }

    private static void commit(JsonGenerator g, CommitRef c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("shortId", c.shortId());
        g.writeStringField("author", c.author());
        g.writeStringField("date", c.date());
        g.writeStringField("subject", c.subject());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, java.util.List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
