package dev.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.ReadLimits;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.report.Finding;
import dev.faultline.report.FlowStep;
import dev.faultline.report.RelatedLocation;
import dev.faultline.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One taint finding per agent and dangerous tool: the sources it names, the nearest one as its
 * witness path, and a sink that is no source for itself. Findings are checked by key and location.
 */
class TaintAnalysisTest {
    @TempDir
    Path dir;

    private static final String WEB = "web";

    /** An MCP tools file: {@code read:NAME} is a read-only tool with open-world output, {@code act:NAME} a destructive one. */
    private static String tools(String server, String... specs) {
        return "{\"server\": \"" + server + "\", \"tools\": [\n" + Stream.of(specs).map(spec -> {
            String name = spec.substring(spec.indexOf(':') + 1);
            String annotations = spec.startsWith("read:")
                    ? "{\"readOnlyHint\": true, \"openWorldHint\": true}"
                    : "{\"readOnlyHint\": false, \"destructiveHint\": true}";
            return "  {\"name\": \"" + name + "\", \"description\": \"Tool " + name + ".\", "
                    + "\"inputSchema\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}, "
                    + "\"annotations\": " + annotations + "}";
        }).collect(Collectors.joining(",\n")) + "\n]}\n";
    }

    private List<Finding> scan(String manifest, String toolsJson) throws Exception {
        Files.writeString(dir.resolve("faultline.yaml"), manifest);
        Files.writeString(dir.resolve(WEB + ".tools.json"), toolsJson);
        return new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT).scan(List.of(dir)).report().findings().stream()
                .filter(f -> f.ruleId().equals("taint-path")).toList();
    }

    private static Finding only(List<Finding> findings, String key) {
        List<Finding> hits = findings.stream().filter(f -> f.key().equals(key)).toList();
        assertThat(hits).as("findings keyed " + key).hasSize(1);
        return hits.get(0);
    }

    private static List<String> steps(Finding f) {
        return f.steps().stream().map(FlowStep::message).toList();
    }

    private static List<String> related(Finding f) {
        return f.related().stream().map(RelatedLocation::message).toList();
    }

    @Test
    void twoSourcesReachingOneAgentAndSinkGiveOneFindingNamingBoth() throws Exception {
        List<Finding> findings = scan("""
                version: 1
                agents:
                  - name: treasurer
                    entry-points:
                      - name: partner-portal
                        trust: untrusted
                    tools: ["web/*"]
                """, tools(WEB, "read:read_email", "act:wire_funds"));

        assertThat(findings).extracting(Finding::key).containsExactly("treasurer:web/wire_funds");
        Finding f = only(findings, "treasurer:web/wire_funds");
        assertThat(f.location().display()).isEqualTo("web.tools.json:3:3");
        assertThat(f.message()).startsWith("Agent treasurer can call web/wire_funds (irreversible), and content outsiders can "
                + "write reaches its context from entry point partner-portal of agent treasurer and output of web/read_email.");
        assertThat(related(f)).containsExactly("untrusted source 1 of 2: entry point partner-portal of agent treasurer",
                "untrusted source 2 of 2: output of web/read_email");
        assertThat(f.related()).extracting(r -> r.location().display()).containsExactly("faultline.yaml:5:9", "web.tools.json:2:3");
        // both enter treasurer directly; the tie goes to the first source in key order
        assertThat(steps(f)).containsExactly("untrusted entry point partner-portal", "enters the context of agent treasurer",
                "agent treasurer can call web/wire_funds (irreversible)");
    }

    @Test
    void moreThanThreeSourcesAreCounted() throws Exception {
        List<Finding> findings = scan("""
                version: 1
                agents:
                  - name: inbox
                    entry-points:
                      - {name: a-mail, trust: untrusted}
                      - {name: b-chat, trust: untrusted}
                      - {name: c-form, trust: untrusted}
                      - {name: d-staff, trust: trusted}
                    tools: ["web/*"]
                """, tools(WEB, "read:e_page", "read:f_feed", "act:delete_all"));

        Finding f = only(findings, "inbox:web/delete_all");
        assertThat(f.location().display()).isEqualTo("web.tools.json:4:3");
        assertThat(f.message()).contains("from entry point a-mail of agent inbox, entry point b-chat of agent inbox, "
                + "entry point c-form of agent inbox and 2 more.");
        assertThat(related(f)).containsExactly("untrusted source 1 of 5: entry point a-mail of agent inbox",
                "untrusted source 2 of 5: entry point b-chat of agent inbox", "untrusted source 3 of 5: entry point c-form of agent inbox");
    }

    @Test
    void theWitnessIsTheNearestSourceAcrossCallingAgents() throws Exception {
        List<Finding> findings = scan("""
                version: 1
                agents:
                  - name: front
                    entry-points:
                      - {name: chat, trust: untrusted}
                    tools: ["web/refund"]
                    calls: [middle]
                  - name: middle
                    tools: ["web/pay"]
                    calls: [back]
                  - name: back
                    tools: ["web/fetch_page", "web/wipe"]
                  - name: elsewhere
                    tools: ["web/erase"]
                """, tools(WEB, "act:refund", "act:pay", "read:fetch_page", "act:wipe", "act:erase"));

        assertThat(findings).extracting(Finding::key)
                .containsExactly("back:web/wipe", "front:web/refund", "middle:web/pay");
        assertThat(only(findings, "front:web/refund").location().display()).isEqualTo("web.tools.json:2:3");
        assertThat(steps(only(findings, "front:web/refund"))).containsExactly("untrusted entry point chat",
                "enters the context of agent front", "agent front can call web/refund (irreversible)");
        // one hop from both sources: the entry point comes first in key order
        assertThat(only(findings, "middle:web/pay").location().display()).isEqualTo("web.tools.json:3:3");
        assertThat(steps(only(findings, "middle:web/pay"))).containsExactly("untrusted entry point chat",
                "enters the context of agent front", "agent front and agent middle call each other, so it reaches agent middle",
                "agent middle can call web/pay (irreversible)");
        assertThat(only(findings, "back:web/wipe").location().display()).isEqualTo("web.tools.json:5:3");
        assertThat(steps(only(findings, "back:web/wipe"))).containsExactly("output of web/fetch_page, which outsiders can write",
                "enters the context of agent back", "agent back can call web/wipe (irreversible)");
        assertThat(related(only(findings, "back:web/wipe"))).containsExactly(
                "untrusted source 1 of 2: entry point chat of agent front", "untrusted source 2 of 2: output of web/fetch_page");
    }

    @Test
    void aSinkIsNoSourceForItselfButAnotherSourceStillReachesIt() throws Exception {
        String overrides = """
                version: 1
                overrides:
                  - tool: "web/post_reply"
                    untrusted-output: true
                    reason: returns the whole public thread
                """;
        List<Finding> alone = scan(overrides + """
                agents:
                  - name: poster
                    tools: ["web/post_reply"]
                """, tools(WEB, "act:post_reply", "act:ban_user"));
        assertThat(alone).isEmpty();

        List<Finding> findings = scan(overrides + """
                agents:
                  - name: poster
                    tools: ["web/post_reply", "web/ban_user"]
                  - name: desk
                    entry-points:
                      - {name: reports, trust: untrusted}
                    calls: [poster]
                """, tools(WEB, "act:post_reply", "act:ban_user"));
        assertThat(findings).extracting(Finding::key).containsExactly("poster:web/ban_user", "poster:web/post_reply");
        Finding self = only(findings, "poster:web/post_reply");
        assertThat(self.location().display()).isEqualTo("web.tools.json:2:3");
        assertThat(related(self)).containsExactly("untrusted source 1 of 1: entry point reports of agent desk");
        assertThat(steps(self)).containsExactly("untrusted entry point reports", "enters the context of agent desk",
                "agent desk and agent poster call each other, so it reaches agent poster",
                "agent poster can call web/post_reply (irreversible)");
        Finding other = only(findings, "poster:web/ban_user");
        assertThat(other.location().display()).isEqualTo("web.tools.json:3:3");
        assertThat(related(other)).containsExactly("untrusted source 1 of 2: entry point reports of agent desk",
                "untrusted source 2 of 2: output of web/post_reply");
        assertThat(steps(other).get(0)).isEqualTo("output of web/post_reply, which outsiders can write");
    }

    @Test
    void sourcesStayInTheirOwnGroupOfCallingAgents() throws Exception {
        List<Finding> findings = scan("""
                version: 1
                agents:
                  - name: public-bot
                    entry-points:
                      - {name: chat, trust: untrusted}
                    tools: ["web/send"]
                  - name: ops-bot
                    tools: ["web/fetch_page", "web/restart"]
                  - name: staff-bot
                    tools: ["web/delete"]
                """, tools(WEB, "act:send", "read:fetch_page", "act:restart", "act:delete"));

        assertThat(findings).extracting(Finding::key).containsExactly("ops-bot:web/restart", "public-bot:web/send");
        assertThat(related(only(findings, "ops-bot:web/restart"))).containsExactly("untrusted source 1 of 1: output of web/fetch_page");
        assertThat(related(only(findings, "public-bot:web/send"))).containsExactly(
                "untrusted source 1 of 1: entry point chat of agent public-bot");
    }
}
