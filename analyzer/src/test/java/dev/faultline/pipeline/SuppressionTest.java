package dev.faultline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.ReadLimits;
import dev.faultline.report.Finding;
import dev.faultline.report.Notification;
import dev.faultline.report.Report;
import dev.faultline.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline {@code faultline:ignore} comments and manifest suppressions: reasons, staleness, unsuppressible findings. */
class SuppressionTest {
    @TempDir
    Path dir;

    private static final String API = """
            openapi: 3.0.3
            info: {title: Kiosk, version: "1"}
            paths:
              /orders/{id}:
                delete:
                  # faultline:ignore blast-radius reason="orders are soft-deleted and restorable for 30 days"
                  operationId: deleteOrder
                  summary: Delete an order
                  security: [{oauth: []}]
                  responses: {"204": {description: gone}}
              /staff/{id}/roles:
                put:
                  # faultline:ignore taint-path reason="trying to hide the admin path"
                  operationId: grantStaffRole
                  summary: Grants a role to a staff member
                  security: [{oauth: [iam.admin]}]
                  responses: {"200": {description: ok}}
              /tickets:
                get:
                  # faultline:ignore tool-poisoning
                  operationId: listTickets
                  summary: List support tickets with their customer-written messages
                  responses: {"200": {description: ok}}
            components:
              securitySchemes:
                oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://auth.example.com/t", scopes: {iam.admin: admin}}}}
            """;

    private Report scan() throws Exception {
        Files.writeString(dir.resolve("kiosk.yaml"), API);
        Files.writeString(dir.resolve("faultline.yaml"), """
                version: 1
                agents:
                  - name: kiosk
                    tools: ["kiosk/*"]
                suppressions:
                  - rule: shared-credential
                    key: "oauth"
                    reason: one scoped client per kiosk, rotated daily
                  - rule: mcp-plain-http
                    reason: left over from the old gateway
                  - rule: taint-path
                    key: "kiosk:kiosk/deleteOrder"
                    reason: the kiosk asks the clerk before it deletes anything
                """);
        return new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT).scan(List.of(dir)).report();
    }

    private static Finding finding(Report r, String rule, String key) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule) && f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void inlineCommentWithReasonSuppressesTheFindingBelowIt() throws Exception {
        Finding f = finding(scan(), "blast-radius", "kiosk/deleteOrder=irreversible");
        assertThat(f.suppression()).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo("inSource");
            assertThat(s.justification()).isEqualTo("orders are soft-deleted and restorable for 30 days");
            assertThat(s.location().display()).isEqualTo("kiosk.yaml:6:9");
        });
    }

    @Test
    void criticalTaintPathCannotBeSuppressedAndTheCommentIsReportedStale() throws Exception {
        Report r = scan();
        Finding f = finding(r, "taint-path", "kiosk:kiosk/grantStaffRole");
        assertThat(f.severity().id()).isEqualTo("critical");
        assertThat(f.isActive()).isTrue();
        assertThat(r.notifications()).extracting(Notification::id, n -> n.location().display())
                .contains(org.assertj.core.groups.Tuple.tuple("stale-suppression", "kiosk.yaml:13:9"));
    }

    @Test
    void aTaintPathIsSuppressedByItsAgentAndSink() throws Exception {
        Finding f = finding(scan(), "taint-path", "kiosk:kiosk/deleteOrder");
        assertThat(f.severity().id()).isEqualTo("high");
        assertThat(f.location().display()).isEqualTo("kiosk.yaml:7:7");
        assertThat(f.suppression()).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo("external");
            assertThat(s.justification()).isEqualTo("the kiosk asks the clerk before it deletes anything");
        });
    }

    @Test
    void commentWithoutReasonSilencesNothing() throws Exception {
        Report r = scan();
        assertThat(r.notifications()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("bad-suppression");
            assertThat(n.location().display()).isEqualTo("kiosk.yaml:20:9");
            assertThat(n.message()).contains("no reason");
        });
    }

    @Test
    void manifestSuppressionAppliesByKeyAndStaleOnesAreReported() throws Exception {
        Report r = scan();
        assertThat(finding(r, "shared-credential", "oauth").suppression())
                .hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo("external"));
        assertThat(r.notifications()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("stale-suppression");
            assertThat(n.message()).contains("mcp-plain-http");
        });
    }
}
