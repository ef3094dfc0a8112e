package dev.faultline.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.faultline.report.Finding;
import dev.faultline.report.JsonReportWriter;
import dev.faultline.report.Location;
import dev.faultline.report.TaintSource;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * The diff as JSON ({@code schemaVersion} 1), with a fixed key order, documented in the README:
 * {@code base}, {@code head}, {@code verdict}, {@code reasons}, {@code gates}, {@code headlines},
 * {@code files}, {@code capabilityChanges}, {@code findings} ({@code new}, {@code fixed},
 * {@code widened}, {@code narrowed}; an entry of the last two also lists {@code newSources} and
 * {@code goneSources}, every untrusted source that joined or left a taint path, empty for a
 * composition) and {@code failedInputs}. Output ends with a newline.
 */
public final class DiffJsonWriter {
    /** Version of the diff JSON shape. */
    public static final String SCHEMA_VERSION = "1";

    /** Writes the document; the caller owns {@code out}. */
    public void write(DiffReport d, Writer out) throws IOException {
        try (JsonGenerator g = JsonReportWriter.newGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("base", d.base());
            g.writeStringField("head", d.head());
            g.writeStringField("verdict", d.verdict().id());
            strings(g, "reasons", d.reasons());
            g.writeArrayFieldStart("gates");
            for (Gate gate : d.gates()) {
                g.writeStartObject();
                g.writeStringField("gate", gate.name());
                g.writeStringField("plane", gate.plane());
                strings(g, "owners", gate.owners());
                g.writeStringField("why", gate.why());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "headlines", d.headlines());
            g.writeArrayFieldStart("files");
            for (FileChange f : d.files()) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeStringField("change", f.change().id());
                g.writeStringField("plane", f.plane().id());
                evidence(g, f.evidence());
                g.writeArrayFieldStart("members");
                for (MemberChange m : f.members()) {
                    g.writeStartObject();
                    g.writeStringField("member", m.member());
                    g.writeStringField("change", m.change().id());
                    g.writeStringField("plane", m.plane().id());
                    evidence(g, m.evidence());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("capabilityChanges");
            for (ScopeChange s : d.scope()) {
                g.writeStartObject();
                g.writeStringField("kind", s.kind());
                g.writeStringField("subject", s.subject());
                g.writeStringField("before", s.before());
                g.writeStringField("after", s.after());
                g.writeStringField("blastRadius", s.blastRadius());
                g.writeBooleanField("widens", s.widens());
                g.writeStringField("evidence", s.evidence());
                location(g, s.location());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("findings");
            findings(g, "new", d.findings().added());
            findings(g, "fixed", d.findings().fixed());
            changed(g, "widened", d.findings().widened(), d.findings().sources());
            changed(g, "narrowed", d.findings().narrowed(), d.findings().sources());
            g.writeEndObject();
            strings(g, "failedInputs", d.failedInputs());
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void evidence(JsonGenerator g, List<PlaneEvidence> evidence) throws IOException {
        g.writeArrayFieldStart("evidence");
        for (PlaneEvidence e : evidence) {
            g.writeStartObject();
            g.writeStringField("plane", e.plane().id());
            g.writeStringField("detail", e.detail());
            g.writeStringField("rule", e.rule());
            location(g, e.location());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void findings(JsonGenerator g, String name, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart(name);
        for (Finding f : findings) {
            g.writeStartObject();
            finding(g, f);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Widened or narrowed findings, each with the sources that joined and left it (none for a composition). */
    private static void changed(JsonGenerator g, String name, List<Finding> findings, List<SourceChange> sources) throws IOException {
        g.writeArrayFieldStart(name);
        for (Finding f : findings) {
            Optional<SourceChange> change = sources.stream().filter(c -> c.head().ruleId().equals(f.ruleId()) && c.head().key().equals(f.key()))
                    .findFirst();
            g.writeStartObject();
            finding(g, f);
            strings(g, "newSources", change.map(c -> c.joinedSources().stream().map(TaintSource::name).toList()).orElse(List.of()));
            strings(g, "goneSources", change.map(c -> c.leftSources().stream().map(TaintSource::name).toList()).orElse(List.of()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("severity", f.severity().id());
        g.writeStringField("key", f.key());
        g.writeStringField("message", f.message());
        location(g, f.location());
    }

    private static void location(JsonGenerator g, Location l) throws IOException {
        g.writeObjectFieldStart("location");
        g.writeStringField("path", l.path());
        g.writeNumberField("line", l.startLine());
        g.writeEndObject();
    }
}
