package dev.faultline.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every rule of the report in {@code tool.driver},
 * one result per finding (suppressed ones carry {@code suppressions}), and the inputs that failed
 * plus the report's notifications as {@code toolExecutionNotifications}. URIs are relative to
 * {@code %SRCROOT%}, which is described but never resolved, so the output holds no absolute path
 * and is byte-identical for equal reports.
 */
public final class SarifReportWriter implements ReportWriter {

    /** The schema URI GitHub expects in {@code $schema}. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The {@code partialFingerprints} key under which a finding's stable key hash is published. */
    public static final String FINGERPRINT = "faultlineKey/v1";

    private static final String SRCROOT = "%SRCROOT%";
    private static final int MAX_TAGS = 20;

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < report.rules().size(); i++) {
            ruleIndex.putIfAbsent(report.rules().get(i).id(), i);
        }
        try (JsonGenerator g = JsonReportWriter.newGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            writeTool(g, report);
            writeInvocation(g, report);
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart(SRCROOT);
            writeMessage(g, "description", "The root of the scanned tree.");
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("automationDetails");
            g.writeStringField("id", "faultline/");
            g.writeEndObject();
            g.writeStringField("columnKind", "utf16CodeUnits");
            g.writeArrayFieldStart("results");
            for (Finding f : report.findings()) {
                writeResult(g, f, ruleIndex);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeTool(JsonGenerator g, Report report) throws IOException {
        ToolInfo tool = report.tool();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", tool.name());
        g.writeStringField("version", tool.version());
        if (!tool.informationUri().isEmpty()) {
            g.writeStringField("informationUri", tool.informationUri());
        }
        g.writeArrayFieldStart("rules");
        for (RuleDescriptor r : report.rules()) {
            writeRule(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeRule(JsonGenerator g, RuleDescriptor r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", pascalCase(r.id()));
        writeMessage(g, "shortDescription", sentence(r.shortDescription()));
        writeMessage(g, "fullDescription", sentence(r.fullDescription()));
        g.writeObjectFieldStart("help");
        g.writeStringField("text", MarkdownText.toPlainText(r.helpMarkdown()));
        g.writeStringField("markdown", r.helpMarkdown());
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", r.severity().sarifLevel());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        for (String tag : tags(r.tags())) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeStringField("precision", precision(r.precision()));
        g.writeStringField("problem.severity", problemSeverity(r.severity()));
        g.writeStringField("security-severity", securitySeverity(r.severity()));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeInvocation(JsonGenerator g, Report report) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (InputFile in : report.inputs()) {
            if (in.status() == InputStatus.FAILED) {
                String why = in.reason().isEmpty() ? "could not be read" : in.reason();
                writeNotification(g, "error", "input-failed",
                        "Input " + in.path() + " was not analysed: " + why, in.location());
            }
        }
        for (Notification n : report.notifications()) {
            writeNotification(g, n.level(), n.id(), n.message(), n.location());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeNotification(JsonGenerator g, String level, String id, String text, Location where)
            throws IOException {
        g.writeStartObject();
        if (!id.isEmpty()) {
            g.writeObjectFieldStart("descriptor");
            g.writeStringField("id", id);
            g.writeEndObject();
        }
        g.writeStringField("level", level);
        writeMessage(g, "message", sentence(text));
        if (!where.path().isEmpty()) {
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            writePhysicalLocation(g, where, false);
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, Finding f, Map<String, Integer> ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        Integer index = ruleIndex.get(f.ruleId());
        if (index != null) {
            g.writeNumberField("ruleIndex", index);
        }
        g.writeStringField("level", f.severity().sarifLevel());
        writeMessage(g, "message", sentence(f.message()));
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        writePhysicalLocation(g, f.location(), true);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, fingerprint(f));
        g.writeEndObject();
        if (!f.steps().isEmpty()) {
            g.writeArrayFieldStart("codeFlows");
            g.writeStartObject();
            g.writeArrayFieldStart("threadFlows");
            g.writeStartObject();
            g.writeArrayFieldStart("locations");
            for (FlowStep step : f.steps()) {
                g.writeStartObject();
                g.writeObjectFieldStart("location");
                writePhysicalLocation(g, step.location(), true);
                writeMessage(g, "message", sentence(step.message()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        }
        if (!f.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            for (int i = 0; i < f.related().size(); i++) {
                RelatedLocation r = f.related().get(i);
                g.writeStartObject();
                g.writeNumberField("id", i + 1);
                writePhysicalLocation(g, r.location(), true);
                writeMessage(g, "message", sentence(r.message()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (f.suppression().isPresent()) {
            Suppression s = f.suppression().get();
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "inSource".equals(s.kind()) ? "inSource" : "external");
            g.writeStringField("justification", s.justification());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("key", f.key());
        g.writeStringField("precision", precision(f.precision()));
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Writes the {@code physicalLocation} field. With {@code forceRegion}, a location without a
     * line points at line 1, column 1, because GitHub drops results without a region.
     */
    private static void writePhysicalLocation(JsonGenerator g, Location l, boolean forceRegion) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(l.path()));
        g.writeStringField("uriBaseId", SRCROOT);
        g.writeEndObject();
        if (l.hasRegion() || forceRegion) {
            int startLine = Math.max(1, l.startLine());
            int startColumn = Math.max(1, l.startColumn());
            int endLine = Math.max(startLine, l.endLine());
            int endColumn = Math.max(1, l.endColumn());
            if (endLine == startLine) {
                endColumn = Math.max(startColumn + 1, endColumn);
            }
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", startLine);
            g.writeNumberField("startColumn", startColumn);
            g.writeNumberField("endLine", endLine);
            g.writeNumberField("endColumn", endColumn);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeMessage(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", DisplayText.visible(text));
        g.writeEndObject();
    }

    /** The SHA-256 of {@code ruleId:key}, in lower-case hex: stable while the key is. */
    public static String fingerprint(Finding f) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((f.ruleId() + ":" + f.key()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** {@code taint-path} becomes {@code TaintPath}. */
    static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return sb.toString();
    }

    /** Percent-encodes what a relative URI reference may not hold as is; keeps {@code /}. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
            if (plain) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    /** Messages end with a period, as SARIF's authoring rules ask. */
    static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "(no message).";
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }

    private static List<String> tags(List<String> declared) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("security");
        tags.addAll(declared);
        List<String> list = new ArrayList<>(tags);
        return list.subList(0, Math.min(MAX_TAGS, list.size()));
    }

    private static String precision(String precision) {
        return switch (precision.toLowerCase(Locale.ROOT)) {
            case "very-high", "high", "medium", "low" -> precision.toLowerCase(Locale.ROOT);
            default -> "low";
        };
    }

    private static String problemSeverity(Severity severity) {
        return switch (severity.sarifLevel()) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "recommendation";
        };
    }

    private static String securitySeverity(Severity severity) {
        return String.format(Locale.ROOT, "%.1f", severity.securitySeverity());
    }
}
