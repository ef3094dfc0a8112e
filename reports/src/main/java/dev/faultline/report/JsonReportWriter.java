package dev.faultline.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON report, Faultline's machine contract. Key order is fixed by this class and documented
 * in {@code docs/report-json.md}; lists keep the order of the {@link Report}. Output ends with a newline.
 */
public final class JsonReportWriter implements ReportWriter {

    /** Version of the JSON shape; bumped on any incompatible change. */
    public static final String SCHEMA_VERSION = "1";

    @Override
    public String format() {
        return "json";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        try (JsonGenerator g = newGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schemaVersion", SCHEMA_VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", report.tool().name());
            g.writeStringField("version", report.tool().version());
            g.writeEndObject();
            writeSummary(g, report);
            g.writeArrayFieldStart("inputs");
            for (InputFile in : report.inputs()) {
                g.writeStartObject();
                g.writeStringField("path", in.path());
                g.writeStringField("status", in.status().id());
                g.writeStringField("kind", in.kind());
                g.writeStringField("reason", in.reason());
                if (in.location().hasRegion()) {
                    writeLocation(g, "location", in.location());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notifications");
            for (Notification n : report.notifications()) {
                g.writeStartObject();
                g.writeStringField("level", n.level());
                g.writeStringField("id", n.id());
                g.writeStringField("message", n.message());
                writeLocation(g, "location", n.location());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeAgents(g, report.agents());
            writeTools(g, report.tools());
            writeCredentials(g, report.credentials());
            writeServers(g, report.servers());
            writeFindings(g, report.findings());
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** A generator with Faultline's fixed pretty-printing (two spaces, {@code \n}). */
    public static JsonGenerator newGenerator(Writer out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        g.setPrettyPrinter(printer);
        return g;
    }

    private static void writeSummary(JsonGenerator g, Report report) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("inputsScanned", count(report.inputs(), InputStatus.SCANNED));
        g.writeNumberField("inputsSkipped", count(report.inputs(), InputStatus.SKIPPED));
        g.writeNumberField("inputsFailed", count(report.inputs(), InputStatus.FAILED));
        g.writeNumberField("agents", report.agents().size());
        g.writeNumberField("tools", report.tools().size());
        g.writeObjectFieldStart("findingsBySeverity");
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            g.writeNumberField(s.id(), report.activeFindings().stream().filter(f -> f.severity() == s).count());
        }
        g.writeEndObject();
        g.writeNumberField("suppressed", report.findings().size() - report.activeFindings().size());
        g.writeEndObject();
    }

    private static long count(List<InputFile> inputs, InputStatus status) {
        return inputs.stream().filter(i -> i.status() == status).count();
    }

    private static void writeAgents(JsonGenerator g, List<AgentView> agents) throws IOException {
        g.writeArrayFieldStart("agents");
        for (AgentView a : agents) {
            g.writeStartObject();
            g.writeStringField("name", a.name());
            g.writeStringField("description", a.description());
            g.writeBooleanField("declared", a.declared());
            writeLocation(g, "location", a.location());
            g.writeArrayFieldStart("entryPoints");
            for (EntryPointView e : a.entryPoints()) {
                g.writeStartObject();
                g.writeStringField("name", e.name());
                g.writeStringField("trust", e.trust());
                g.writeStringField("description", e.description());
                writeLocation(g, "location", e.location());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeStrings(g, "tools", a.tools());
            writeStrings(g, "calls", a.calls());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeTools(JsonGenerator g, List<ToolView> tools) throws IOException {
        g.writeArrayFieldStart("tools");
        for (ToolView t : tools) {
            g.writeStartObject();
            g.writeStringField("id", t.id());
            g.writeStringField("name", t.name());
            g.writeStringField("toolset", t.toolset());
            g.writeStringField("origin", t.origin());
            g.writeStringField("description", t.description());
            writeLocation(g, "location", t.location());
            g.writeStringField("blastRadius", t.blastRadius());
            g.writeStringField("provenance", t.provenance());
            g.writeBooleanField("untrustedOutput", t.untrustedOutput());
            g.writeBooleanField("privateData", t.privateData());
            g.writeBooleanField("approvalRequired", t.approvalRequired());
            writeStrings(g, "parameters", t.parameters());
            writeStrings(g, "capabilities", t.capabilities());
            writeStrings(g, "credentials", t.credentials());
            writeStrings(g, "agents", t.agents());
            g.writeArrayFieldStart("evidence");
            for (Evidence e : t.evidence()) {
                g.writeStartObject();
                g.writeStringField("fact", e.fact());
                g.writeStringField("value", e.value());
                g.writeStringField("provenance", e.provenance());
                g.writeStringField("detail", e.detail());
                g.writeStringField("rule", e.rule());
                writeLocation(g, "location", e.location());
                writeSteps(g, "chain", e.chain());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeCredentials(JsonGenerator g, List<CredentialView> credentials) throws IOException {
        g.writeArrayFieldStart("credentials");
        for (CredentialView c : credentials) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("kind", c.kind());
            writeLocation(g, "location", c.location());
            writeStrings(g, "scopes", c.scopes());
            writeStrings(g, "tools", c.tools());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeServers(JsonGenerator g, List<ServerView> servers) throws IOException {
        g.writeArrayFieldStart("servers");
        for (ServerView s : servers) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeStringField("transport", s.transport());
            g.writeStringField("launch", s.launch());
            writeLocation(g, "location", s.location());
            writeStrings(g, "tools", s.tools());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeFindings(JsonGenerator g, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart("findings");
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("ruleId", f.ruleId());
            g.writeStringField("severity", f.severity().id());
            g.writeStringField("precision", f.precision());
            g.writeStringField("key", f.key());
            g.writeStringField("message", f.message());
            writeLocation(g, "location", f.location());
            writeSteps(g, "steps", f.steps());
            g.writeArrayFieldStart("related");
            for (RelatedLocation r : f.related()) {
                g.writeStartObject();
                g.writeStringField("message", r.message());
                writeLocation(g, "location", r.location());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (f.suppression().isPresent()) {
                Suppression s = f.suppression().get();
                g.writeObjectFieldStart("suppression");
                g.writeStringField("kind", s.kind());
                g.writeStringField("justification", s.justification());
                writeLocation(g, "location", s.location());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSteps(JsonGenerator g, String field, List<FlowStep> steps) throws IOException {
        g.writeArrayFieldStart(field);
        for (FlowStep s : steps) {
            g.writeStartObject();
            g.writeStringField("message", s.message());
            writeLocation(g, "location", s.location());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Writes a location object: path always, region and pointer when known. */
    public static void writeLocation(JsonGenerator g, String field, Location l) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("path", l.path());
        if (l.hasRegion()) {
            g.writeNumberField("startLine", l.startLine());
            g.writeNumberField("startColumn", l.startColumn());
            g.writeNumberField("endLine", l.endLine());
            g.writeNumberField("endColumn", l.endColumn());
        }
        if (!l.pointer().isEmpty()) {
            g.writeStringField("pointer", l.pointer());
        }
        g.writeEndObject();
    }
}
