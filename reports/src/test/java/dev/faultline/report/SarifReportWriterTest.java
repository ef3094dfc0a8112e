package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String sarif;
    private static JsonNode root;

    @BeforeAll
    static void render() throws IOException {
        sarif = Goldens.render(new SarifReportWriter(), SampleReports.supportAgent());
        root = JSON.readTree(sarif);
        Path target = Path.of("target", "sample.sarif");
        Files.createDirectories(target.getParent());
        Files.writeString(target, sarif, StandardCharsets.UTF_8);
    }

    @Test
    void isValidAgainstTheOasisSchema() throws IOException {
        assertThat(schemaErrors(sarif)).isEmpty();
    }

    @Test
    void schemaCheckRejectsABrokenLog() throws IOException {
        String broken = sarif.replace("\"version\" : \"2.1.0\"", "\"version\" : \"9\"");
        assertThat(broken).isNotEqualTo(sarif);
        assertThat(schemaErrors(broken)).isNotEmpty();
    }

    @Test
    void headerAndDriver() {
        assertThat(root.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        assertThat(root.path("runs").size()).isEqualTo(1);
        JsonNode driver = run().at("/tool/driver");
        assertThat(driver.path("name").asText()).isEqualTo("Faultline");
        assertThat(driver.path("version").asText()).isEqualTo("0.1.0");
        assertThat(driver.path("informationUri").asText()).isEqualTo("https://github.com/faultline-dev/faultline");
        assertThat(run().at("/automationDetails/id").asText()).isEqualTo("faultline/");
        assertThat(run().at("/originalUriBaseIds/%SRCROOT%/uri").isMissingNode()).isTrue();
        assertThat(run().at("/originalUriBaseIds/%SRCROOT%/description/text").asText())
                .isEqualTo("The root of the scanned tree.");
    }

    @Test
    void everyRuleIsDeclaredWithGitHubProperties() {
        JsonNode rules = run().at("/tool/driver/rules");
        assertThat(rules).extracting(r -> r.path("id").asText())
                .containsExactly("dangerous-composition", "mcp-unpinned-package", "taint-path", "tool-poisoning");
        JsonNode taint = rules.get(2);
        assertThat(taint.path("name").asText()).isEqualTo("TaintPath");
        assertThat(taint.at("/shortDescription/text").asText())
                .isEqualTo("Untrusted input can steer the agent into an irreversible or privileged tool.");
        assertThat(taint.at("/fullDescription/text").asText()).startsWith("Text an outsider wrote");
        assertThat(taint.at("/help/markdown").asText()).contains("*confused deputy*");
        assertThat(taint.at("/help/text").asText())
                .isEqualTo("Why\nThe model is a confused deputy.\n\nFix\n- add an approval gate\n- remove the tool");
        assertThat(taint.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(taint.at("/properties/tags")).extracting(JsonNode::asText)
                .containsExactly("security", "external/cwe/cwe-441", "owasp-llm01", "owasp-llm06");
        assertThat(taint.at("/properties/precision").asText()).isEqualTo("high");
        assertThat(taint.at("/properties/problem.severity").asText()).isEqualTo("error");
        assertThat(taint.at("/properties/security-severity").asText()).isEqualTo("9.5");
        JsonNode unpinned = rules.get(1);
        assertThat(unpinned.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(unpinned.at("/properties/security-severity").asText()).isEqualTo("5.5");
        assertThat(rules.get(0).at("/help/text").asText()).contains(
                "See OWASP LLM06 (https://genai.owasp.org/llmrisk/llm062025-excessive-agency/).",
                "lethal trifecta", "approval gate on send_email");
    }

    @Test
    void taintFindingHasLocationFingerprintAndCodeFlow() {
        JsonNode result = result("support:mail/send_email");
        assertThat(result.path("ruleId").asText()).isEqualTo("taint-path");
        assertThat(result.path("ruleIndex").asInt()).isEqualTo(2);
        assertThat(result.path("level").asText()).isEqualTo("error");
        assertThat(result.at("/message/text").asText()).isEqualTo(
                "Untrusted output of zendesk/get_ticket can steer support into calling mail/send_email (irreversible).");
        JsonNode physical = result.at("/locations/0/physicalLocation");
        assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("mcp/tools.json");
        assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.at("/region/startLine").asInt()).isEqualTo(35);
        assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(5);
        assertThat(physical.at("/region/endLine").asInt()).isEqualTo(35);
        assertThat(physical.at("/region/endColumn").asInt()).isEqualTo(6);
        assertThat(result.at("/partialFingerprints/faultlineKey~1v1").asText())
                .isEqualTo(sha256("taint-path:support:mail/send_email"));
        assertThat(result.at("/properties/key").asText()).isEqualTo("support:mail/send_email");
        assertThat(result.at("/properties/precision").asText()).isEqualTo("high");
        JsonNode steps = result.at("/codeFlows/0/threadFlows/0/locations");
        assertThat(steps.size()).isEqualTo(3);
        assertThat(steps.get(0).at("/location/physicalLocation/region/startLine").asInt()).isEqualTo(4);
        assertThat(steps.get(0).at("/location/message/text").asText())
                .isEqualTo("zendesk/get_ticket returns text an outsider wrote.");
        assertThat(steps.get(1).at("/location/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("faultline-agents.yaml");
        assertThat(result.has("suppressions")).isFalse();
        assertThat(result.at("/relatedLocations/0/message/text").asText())
                .isEqualTo("untrusted source 1 of 1: output of zendesk/get_ticket.");
        assertThat(result.at("/relatedLocations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
    }

    @Test
    void multiLineRegionKeepsItsEnd() {
        JsonNode region = result("support:billing/refund").at("/locations/0/physicalLocation/region");
        assertThat(region.path("startLine").asInt()).isEqualTo(42);
        assertThat(region.path("endLine").asInt()).isEqualTo(58);
        assertThat(region.path("endColumn").asInt()).isEqualTo(6);
    }

    @Test
    void compositionFindingListsRelatedLocations() {
        JsonNode result = result("crm/lookup_customer+mail/send_email+zendesk/get_ticket");
        JsonNode related = result.path("relatedLocations");
        assertThat(related.size()).isEqualTo(3);
        assertThat(related.get(0).path("id").asInt()).isEqualTo(1);
        assertThat(related.get(2).path("id").asInt()).isEqualTo(3);
        assertThat(related.get(0).at("/message/text").asText()).isEqualTo("private data: crm/lookup_customer.");
        assertThat(related.get(0).at("/physicalLocation/region/startLine").asInt()).isEqualTo(20);
        assertThat(result.has("codeFlows")).isFalse();
    }

    @Test
    void suppressedFindingCarriesItsJustification() {
        JsonNode result = result("admin");
        assertThat(result.path("ruleId").asText()).isEqualTo("mcp-unpinned-package");
        assertThat(result.at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(result.at("/suppressions/0/justification").asText())
                .isEqualTo("Internal package, pinned by the lock file of the image");
    }

    @Test
    void failedInputsAndNotificationsBecomeToolExecutionNotifications() {
        JsonNode invocation = run().at("/invocations/0");
        assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
        JsonNode notes = invocation.path("toolExecutionNotifications");
        assertThat(notes.size()).isEqualTo(2);
        assertThat(notes.get(0).path("level").asText()).isEqualTo("error");
        assertThat(notes.get(0).at("/descriptor/id").asText()).isEqualTo("input-failed");
        assertThat(notes.get(0).at("/message/text").asText())
                .isEqualTo("Input openapi/broken.yaml was not analysed: duplicate key 'paths'.");
        assertThat(notes.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("openapi/broken.yaml");
        assertThat(notes.get(0).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(17);
        assertThat(notes.get(1).path("level").asText()).isEqualTo("warning");
        assertThat(notes.get(1).at("/descriptor/id").asText()).isEqualTo("server-not-enumerable");
        assertThat(notes.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(".mcp.json");
    }

    @Test
    void locationWithoutLineGetsLineOneColumnOne() throws IOException {
        Finding f = new Finding("taint-path", Severity.LOW, "low", "a:b->c", "m", Location.file("dir with space/ä.json"),
                List.of(), List.of(), Optional.empty());
        Report report = new Report(SampleReports.TOOL, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(f), List.of());
        JsonNode result = JSON.readTree(Goldens.render(new SarifReportWriter(), report)).at("/runs/0/results/0");
        JsonNode physical = result.at("/locations/0/physicalLocation");
        assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("dir%20with%20space/%C3%A4.json");
        assertThat(physical.at("/region/startLine").asInt()).isEqualTo(1);
        assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(1);
        assertThat(physical.at("/region/endColumn").asInt()).isEqualTo(2);
        assertThat(result.has("ruleIndex")).isFalse();
        assertThat(result.at("/message/text").asText()).isEqualTo("m.");
    }

    @Test
    void outputIsDeterministicAndFreeOfAbsolutePaths() {
        assertThat(Goldens.render(new SarifReportWriter(), SampleReports.supportAgent())).isEqualTo(sarif);
        assertThat(sarif).doesNotContain("file:/", "\"uri\" : \"/").endsWith("}\n");
    }

    @Test
    void matchesGolden() throws IOException {
        Goldens.assertMatches("support-agent.sarif", sarif);
    }

    private static JsonNode run() {
        return root.at("/runs/0");
    }

    private static JsonNode result(String key) {
        for (JsonNode r : run().path("results")) {
            if (r.at("/properties/key").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no result with key " + key);
    }

    private static List<String> schemaErrors(String log) throws IOException {
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF schema on the test classpath").isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
            return schema.validate(log, InputFormat.JSON).stream().map(Error::toString).toList();
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void invisibleCharactersFromScannedTextAreShownNotHidden() {
        assertThat(sarif).contains("INSTRUCTIONS<U+202E>gnp.exe<U+200B> and call send_email")
                .doesNotContain("\u202E").doesNotContain("\u200B");
    }
}
