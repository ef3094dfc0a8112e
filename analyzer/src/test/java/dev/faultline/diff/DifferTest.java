package dev.faultline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.doc.ReadLimits;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.report.Finding;
import dev.faultline.report.RelatedLocation;
import dev.faultline.report.SarifReportWriter;
import dev.faultline.report.Severity;
import dev.faultline.report.TaintSource;
import dev.faultline.rules.RuleCatalog;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Differ} on real trees: the demo sample and PRs built by editing copies of the samples. */
class DifferTest {
    private static final Differ DIFFER = new Differ(new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT),
            ReadLimits.DEFAULT.maxFileBytes(), Severity.CRITICAL);

    @TempDir
    Path dir;

    private static DiffReport diff(Path base, Path head) {
        return DIFFER.diff("base", base, "head", head);
    }

    private static FileChange file(DiffReport d, String path) {
        return d.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + path + " in " + d.files()));
    }

    private static Optional<ScopeChange> row(DiffReport d, String kind, String subject) {
        return d.scope().stream().filter(s -> s.kind().equals(kind) && s.subject().equals(subject)).findFirst();
    }

    private static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.key()).toList();
    }

    @Test
    void demoSplitsThePromptTweakFromTheBillingToolAndBlocks() {
        DiffReport d = diff(Trees.SUPPORT_BEFORE, Trees.SUPPORT_AFTER);

        FileChange prompt = file(d, Trees.SUPPORT_AGENT);
        assertThat(prompt.plane()).isEqualTo(Plane.DATA);
        assertThat(prompt.members()).singleElement().satisfies(m -> {
            assertThat(m.member()).isEqualTo("SupportAgent#handle(String, String)");
            assertThat(m.evidence()).anySatisfy(e -> assertThat(e.rule()).isEqualTo("java-prompt-langchain4j-system"));
        });
        FileChange tool = file(d, "src/main/java/com/acme/support/tools/BillingAdminTools.java");
        assertThat(tool.plane()).isEqualTo(Plane.CONTROL);
        assertThat(tool.members()).anySatisfy(m -> {
            assertThat(m.member()).isEqualTo("BillingAdminTools#adjustBilling(String, long, String)");
            assertThat(m.evidence()).anySatisfy(e -> assertThat(e.rule()).isEqualTo("java-tool-langchain4j"));
        });
        assertThat(file(d, "src/main/java/com/acme/support/agent/AgentConfig.java").plane()).isEqualTo(Plane.CONTROL);
        assertThat(file(d, "src/main/java/com/acme/support/billing/BillingAdminClient.java").plane()).isEqualTo(Plane.CONTROL);

        assertThat(row(d, "tool-added", "BillingAdminTools/adjustBilling")).get()
                .satisfies(r -> assertThat(r.blastRadius()).isEqualTo("privileged"))
                .satisfies(r -> assertThat(r.location().path()).isNotEmpty());
        assertThat(row(d, "credential-added", "BILLING_ADMIN_TOKEN")).get()
                .satisfies(r -> assertThat(r.blastRadius()).isEqualTo("privileged"));
        assertThat(row(d, "agent-gains-tool", "SupportAgent -> BillingAdminTools/adjustBilling")).isPresent();

        assertThat(keys(d.findings().added())).contains("taint-path SupportAgent:BillingAdminTools/adjustBilling");
        assertThat(d.headlines()).filteredOn(h -> h.contains("taint path")).as("both sources in one headline").containsExactly(
                "This PR opens a taint path from output of TicketTools/getTicket and entry point support-ticket of agent SupportAgent"
                        + " to BillingAdminTools/adjustBilling in agent SupportAgent (critical).");
        assertThat(d.files()).extracting(FileChange::path).as("scan.exclude applies to the diff too")
                .noneMatch(path -> path.startsWith("expected/"));
        // The trifecta (ticket reader, order lookup, customer reply) exists on both sides and is not new.
        assertThat(d.findings().fixed()).isEmpty();
        assertThat(d.findings().widened()).isEmpty();

        assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(d.gates()).extracting(Gate::name).containsExactly("eval gate", "security sign-off", "blocked");
    }

    @Test
    void promptOnlyChangeNeedsTheEvalGateOnly() {
        Path base = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("base"));
        Path head = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("head"));
        Trees.edit(head, Trees.SUPPORT_AGENT, "Answer politely and concisely", "Answer warmly and briefly");

        DiffReport d = diff(base, head);

        assertThat(d.files()).singleElement().satisfies(f -> assertThat(f.plane()).isEqualTo(Plane.DATA));
        assertThat(d.scope()).isEmpty();
        assertThat(d.findings().added()).isEmpty();
        assertThat(d.verdict()).isEqualTo(Verdict.EVAL_REVIEW);
        assertThat(d.gates()).extracting(Gate::name).containsExactly("eval gate");
    }

    @Test
    void toolOnlyChangeNeedsSecuritySignoff() {
        Path base = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("base"));
        Path head = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("head"));
        Trees.edit(head, Trees.ORDER_TOOLS, "@Tool(\"", "@Tool(\"Lists recent orders first. ");

        DiffReport d = diff(base, head);

        assertThat(file(d, Trees.ORDER_TOOLS).plane()).isEqualTo(Plane.CONTROL);
        assertThat(d.dataPlaneFiles()).isEmpty();
        assertThat(row(d, "tool-description-changed", "OrderTools/findOrders")).isPresent();
        assertThat(d.verdict()).isEqualTo(Verdict.SECURITY_SIGNOFF);
        assertThat(d.gates()).extracting(Gate::name).containsExactly("security sign-off");
    }

    @Test
    void mixedChangeNamesBothGates() {
        Path base = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("base"));
        Path head = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("head"));
        Trees.edit(head, Trees.SUPPORT_AGENT, "Answer politely and concisely", "Answer warmly and briefly");
        Trees.edit(head, Trees.ORDER_TOOLS, "@Tool(\"", "@Tool(\"Lists recent orders first. ");

        DiffReport d = diff(base, head);

        assertThat(file(d, Trees.SUPPORT_AGENT).plane()).isEqualTo(Plane.DATA);
        assertThat(file(d, Trees.ORDER_TOOLS).plane()).isEqualTo(Plane.CONTROL);
        assertThat(d.verdict()).isEqualTo(Verdict.SECURITY_SIGNOFF);
        assertThat(d.gates()).extracting(Gate::name).containsExactly("eval gate", "security sign-off");
    }

    @Test
    void oneMemberWithPromptAndToolChangesIsMixed() {
        Path base = dir.resolve("base");
        Path head = dir.resolve("head");
        String source = """
                package demo;

                import dev.langchain4j.agent.tool.Tool;
                import dev.langchain4j.service.SystemMessage;

                public class Desk {
                    @Tool("Deletes a record")
                    @SystemMessage("You are careful.")
                    public String deleteRecord(String id) {
                        return "deleted " + id;
                    }
                }
                """;
        Trees.write(base, "src/main/java/demo/Desk.java", source);
        Trees.write(head, "src/main/java/demo/Desk.java", source.replace("You are careful.", "You are quick.")
                .replace("\"deleted \" + id", "\"removed \" + id"));

        DiffReport d = diff(base, head);

        assertThat(file(d, "src/main/java/demo/Desk.java").members()).singleElement()
                .satisfies(m -> assertThat(m.plane()).isEqualTo(Plane.MIXED));
        assertThat(file(d, "src/main/java/demo/Desk.java").plane()).isEqualTo(Plane.MIXED);
    }

    @Test
    void bindingTheSendToolCompletesATrifectaAndBlocks() {
        Path base = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("base"));
        Trees.edit(base, "src/main/java/com/acme/support/agent/AgentConfig.java", ".tools(ticketTools, orderTools, replyTools)",
                ".tools(ticketTools, orderTools)");

        DiffReport d = diff(base, Trees.SUPPORT_BEFORE);

        assertThat(d.headlines()).anySatisfy(h -> assertThat(h).startsWith("This PR completes a lethal trifecta in agent SupportAgent:"));
        assertThat(d.headlines()).anySatisfy(h -> assertThat(h)
                .startsWith("This PR opens a taint path from output of TicketTools/getTicket and entry point support-ticket of agent"
                        + " SupportAgent to CustomerReplyTools/replyToCustomer in agent SupportAgent"));
        assertThat(row(d, "agent-gains-tool", "SupportAgent -> CustomerReplyTools/replyToCustomer")).isPresent();
        assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void aHelperTheToolBodyCallsIsControlPlane() {
        Path base = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("base"));
        Path head = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("head"));
        Trees.edit(head, Trees.TICKET_TOOLS, "body.substring(0, MAX_BODY_CHARS)", "body.substring(0, MAX_BODY_CHARS / 2)");

        DiffReport d = diff(base, head);

        assertThat(file(d, Trees.TICKET_TOOLS).members()).singleElement().satisfies(m -> {
            assertThat(m.member()).isEqualTo("TicketTools#truncate(String)");
            assertThat(m.plane()).isEqualTo(Plane.CONTROL);
            assertThat(m.evidence()).anySatisfy(e -> assertThat(e.detail()).contains("TicketTools#getTicket(String)"));
        });
        assertThat(d.verdict()).isEqualTo(Verdict.SECURITY_SIGNOFF);
    }

    @Test
    void codeMovedWithoutSemanticChangeCreatesNoFindingAndPasses() {
        Path base = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("base"));
        Path head = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("head"));
        String truncate = """
                    String truncate(String body) {
                        return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS) + "…";
                    }
                """;
        Trees.edit(head, Trees.TICKET_TOOLS, truncate, "");
        Trees.edit(head, Trees.TICKET_TOOLS, "    public TicketTools(", "    // moved up, and reformatted\n"
                + truncate + "\n\n    public TicketTools(");

        DiffReport d = diff(base, head);

        assertThat(file(d, Trees.TICKET_TOOLS).plane()).isEqualTo(Plane.NEITHER);
        assertThat(file(d, Trees.TICKET_TOOLS).members()).isEmpty();
        assertThat(d.findings().added()).isEmpty();
        assertThat(d.findings().fixed()).isEmpty();
        assertThat(d.scope()).isEmpty();
        assertThat(d.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void removingTheToolShrinksAuthority() {
        DiffReport d = diff(Trees.SUPPORT_AFTER, Trees.SUPPORT_BEFORE);

        assertThat(row(d, "tool-removed", "BillingAdminTools/adjustBilling")).isPresent();
        assertThat(row(d, "credential-removed", "BILLING_ADMIN_TOKEN")).isPresent();
        assertThat(row(d, "agent-loses-tool", "SupportAgent -> BillingAdminTools/adjustBilling")).isPresent();
        assertThat(d.scope()).noneMatch(ScopeChange::widens);
        assertThat(file(d, "src/main/java/com/acme/support/tools/BillingAdminTools.java").plane()).isEqualTo(Plane.CONTROL);
        assertThat(file(d, "src/main/java/com/acme/support/tools/BillingAdminTools.java").change()).isEqualTo(Change.REMOVED);
        assertThat(keys(d.findings().fixed())).contains("taint-path SupportAgent:BillingAdminTools/adjustBilling");
        assertThat(d.findings().added()).noneMatch(f -> f.ruleId().equals("taint-path"));
        assertThat(d.verdict()).isEqualTo(Verdict.SECURITY_SIGNOFF);
    }

    @Test
    void promptPassedInCodeIsDataEvenInsideTheToolRegistration() {
        Path base = Trees.copy(Path.of("../samples/spring-ai-assistant"), dir.resolve("base"));
        Path head = Trees.copy(base, dir.resolve("head"));
        String service = "src/main/java/com/example/assistant/AssistantService.java";
        Trees.edit(head, service, "You are the on-call assistant of the platform team.", "You are the friendly on-call assistant.");

        DiffReport prompt = diff(base, head);

        assertThat(file(prompt, service).plane()).isEqualTo(Plane.DATA);
        assertThat(prompt.verdict()).isEqualTo(Verdict.EVAL_REVIEW);

        Trees.edit(head, service, ".defaultTools(diagnostics, statusPage)", ".defaultTools(diagnostics)");

        DiffReport both = diff(base, head);

        assertThat(file(both, service).members()).singleElement().satisfies(m -> {
            assertThat(m.member()).startsWith("AssistantService#<init>(");
            assertThat(m.plane()).isEqualTo(Plane.MIXED);
        });
        assertThat(row(both, "agent-loses-tool", "AssistantService -> StatusPageTools/vendorStatus")).isPresent();
        assertThat(both.verdict()).isEqualTo(Verdict.SECURITY_SIGNOFF);
    }

    @Test
    void removingAnApprovalGateIsAControlChange() {
        Path base = Trees.copy(Trees.MCP_DESKTOP, dir.resolve("base"));
        Path head = Trees.copy(Trees.MCP_DESKTOP, dir.resolve("head"));
        Trees.edit(base, "faultline.yaml", "agents:", """
                approvals:
                  - tool: "team-chat/post_message"
                    reason: a person confirms every post
                agents:""");

        DiffReport d = diff(base, head);

        assertThat(row(d, "approval-removed", "team-chat/post_message")).get()
                .satisfies(r -> assertThat(r.before()).isEqualTo("human approval"))
                .satisfies(r -> assertThat(r.location().path()).isEqualTo("faultline.yaml"));
        assertThat(file(d, "faultline.yaml").plane()).isEqualTo(Plane.CONTROL);
        assertThat(d.verdict()).isIn(Verdict.SECURITY_SIGNOFF, Verdict.BLOCK);
    }

    @Test
    void addingAnMcpServerIsAControlChange() {
        Path base = Trees.copy(Trees.MCP_DESKTOP, dir.resolve("base"));
        Path head = Trees.copy(Trees.MCP_DESKTOP, dir.resolve("head"));
        Trees.edit(head, "claude_desktop_config.json", "\"team-chat\": {", """
                "weather": {"command": "npx", "args": ["-y", "weather-mcp-server"]},
                    "team-chat": {""");

        DiffReport d = diff(base, head);

        assertThat(row(d, "server-added", "weather")).get()
                .satisfies(r -> assertThat(r.after()).contains("weather-mcp-server"));
        assertThat(file(d, "claude_desktop_config.json").plane()).isEqualTo(Plane.CONTROL);
        assertThat(file(d, "claude_desktop_config.json").evidence()).anySatisfy(e -> assertThat(e.rule()).isEqualTo("plane-kind-mcp-config"));
        assertThat(keys(d.findings().added())).contains("mcp-unpinned-server weather");
        assertThat(d.verdict()).isEqualTo(Verdict.SECURITY_SIGNOFF);
    }

    @Test
    void promptFilesAndManifestPlaneOverrides() {
        Path base = Trees.copy(Trees.SUPPORT_BEFORE, dir.resolve("base"));
        Trees.write(base, "src/main/resources/prompts/persona.txt", "Be kind.\n");
        Trees.write(base, "docs/tone.md", "Short answers.\n");
        Trees.write(base, "config/limits.properties", "max=5\n");
        Path head = Trees.copy(base, dir.resolve("head"));
        Trees.write(head, "src/main/resources/prompts/persona.txt", "Be kind and brief.\n");
        Trees.write(head, "docs/tone.md", "Very short answers.\n");
        Trees.write(head, "config/limits.properties", "max=50\n");
        Trees.write(head, "faultline.yaml", """
                version: 1
                planes:
                  data: ["docs/**"]
                  control: ["config/*.properties"]
                """);

        DiffReport d = diff(base, head);

        assertThat(file(d, "src/main/resources/prompts/persona.txt").plane()).isEqualTo(Plane.DATA);
        assertThat(file(d, "src/main/resources/prompts/persona.txt").evidence())
                .anySatisfy(e -> assertThat(e.rule()).isEqualTo("plane-path-prompts"));
        assertThat(file(d, "docs/tone.md").plane()).isEqualTo(Plane.DATA);
        assertThat(file(d, "config/limits.properties").plane()).isEqualTo(Plane.CONTROL);
        assertThat(file(d, "config/limits.properties").evidence())
                .anySatisfy(e -> assertThat(e.detail()).contains("planes.control"));
    }

    /** An MCP tools file of server {@code helpdesk}: {@code read:NAME} has output outsiders write, {@code act:NAME} is destructive. */
    private static String helpdesk(String... specs) {
        StringBuilder b = new StringBuilder("{\"server\": \"helpdesk\", \"tools\": [\n");
        for (int i = 0; i < specs.length; i++) {
            String name = specs[i].substring(specs[i].indexOf(':') + 1);
            String annotations = specs[i].startsWith("read:")
                    ? "{\"readOnlyHint\": true, \"openWorldHint\": true}"
                    : "{\"readOnlyHint\": false, \"destructiveHint\": true}";
            String description = switch (name) {
                case "grant_admin_role" -> "Grants the admin role to a staff account.";
                case "issue_refund" -> "Refunds an order to the customer's card.";
                default -> "Returns a message a customer wrote.";
            };
            b.append(i == 0 ? "" : ",\n").append("  {\"name\": \"").append(name).append("\", \"description\": \"").append(description)
                    .append("\", \"inputSchema\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}, ")
                    .append("\"annotations\": ").append(annotations).append("}");
        }
        return b.append("\n]}\n").toString();
    }

    private static final String TRIAGE = """
            version: 1
            agents:
              - name: triage
                tools: ["helpdesk/*"]
            """;

    private static final String TRIAGE_WITH_EMAIL = """
            version: 1
            agents:
              - name: triage
                entry-points:
                  - name: inbound-email
                    trust: untrusted
                    description: emails from customers
                tools: ["helpdesk/*"]
            """;

    @Test
    void aNewSourceReachingAPrivilegedSinkWidensTheTaintPathAndBlocks() throws Exception {
        Path base = dir.resolve("base");
        Path head = dir.resolve("head");
        Trees.write(base, "faultline.yaml", TRIAGE);
        Trees.write(base, "helpdesk.tools.json", helpdesk("read:read_ticket", "act:grant_admin_role"));
        Trees.write(head, "faultline.yaml", TRIAGE_WITH_EMAIL);
        Trees.write(head, "helpdesk.tools.json", helpdesk("read:read_ticket", "act:grant_admin_role"));
        String key = "taint-path triage:helpdesk/grant_admin_role";
        String email = "entry point inbound-email of agent triage";

        DiffReport d = diff(base, head);

        assertThat(keys(d.findings().added())).as("same key on both sides: not new").doesNotContain(key);
        assertThat(keys(d.findings().fixed())).doesNotContain(key);
        assertThat(keys(d.findings().widened())).containsExactly(key);
        assertThat(d.findings().widenedSources()).singleElement().satisfies(c -> {
            assertThat(c.head().ruleId() + " " + c.head().key()).isEqualTo(key);
            assertThat(c.joinedSources()).extracting(TaintSource::name).containsExactly(email);
            assertThat(c.leftSources()).isEmpty();
        });
        assertThat(d.headlines()).contains("This PR widens a taint path to helpdesk/grant_admin_role in agent triage: " + email
                + " joins its sources (critical).");
        assertThat(d.verdict()).as("a new source reaching a privileged sink blocks like a new path").isEqualTo(Verdict.BLOCK);
        assertThat(d.reasons()).contains("blocks: widened critical " + key);
        assertThat(d.gates()).filteredOn(g -> g.name().equals("blocked")).singleElement()
                .satisfies(g -> assertThat(g.why()).contains(key + " (widened: " + email + ")"));

        StringWriter md = new StringWriter();
        new DiffMarkdownWriter().write(d, md);
        assertThat(md.toString()).contains("- **critical** `taint-path` `triage:helpdesk/grant_admin_role` at `helpdesk.tools.json:")
                .contains(": new " + email + "\n").contains("New in this change: " + email + ".");
        StringWriter json = new StringWriter();
        new DiffJsonWriter().write(d, json);
        JsonNode widened = new ObjectMapper().readTree(json.toString()).path("findings").path("widened");
        assertThat(widened).singleElement().satisfies(w -> {
            assertThat(w.path("key").asText()).isEqualTo("triage:helpdesk/grant_admin_role");
            assertThat(w.path("newSources").toString()).isEqualTo("[\"" + email + "\"]");
            assertThat(w.path("goneSources").toString()).isEqualTo("[]");
        });
        StringWriter html = new StringWriter();
        new DiffHtmlWriter(Optional.of("<svg/>")).write(d, "", html);
        assertThat(html.toString()).contains("<code>triage:helpdesk/grant_admin_role</code>: new " + email);
        Finding sarif = d.newFindingsReport().findings().stream().filter(f -> (f.ruleId() + " " + f.key()).equals(key)).findFirst()
                .orElseThrow();
        assertThat(sarif.message()).endsWith("New in this change: " + email + ".");
        assertThat(sarif.related()).extracting(RelatedLocation::message).filteredOn(m -> m.endsWith(email)).hasSize(1);
        StringWriter sarifText = new StringWriter();
        new SarifReportWriter().write(d.newFindingsReport(), sarifText);
        assertThat(sarifText.toString()).contains("New in this change: " + email + ".");

        DiffReport back = diff(head, base);

        assertThat(keys(back.findings().narrowed())).containsExactly(key);
        assertThat(back.findings().narrowedSources()).singleElement()
                .satisfies(c -> assertThat(c.leftSources()).extracting(TaintSource::name).containsExactly(email));
        assertThat(back.findings().widened()).isEmpty();
        assertThat(back.findings().fixed()).isEmpty();
        assertThat(back.headlines()).noneMatch(h -> h.contains("taint path"));
        assertThat(back.verdict()).as("losing a source does not block").isEqualTo(Verdict.SECURITY_SIGNOFF);
    }

    @Test
    void aSourceTheFindingDoesNotNameStillWidensIt() {
        Path base = dir.resolve("base");
        Path head = dir.resolve("head");
        Trees.write(base, "faultline.yaml", TRIAGE);
        Trees.write(base, "helpdesk.tools.json", helpdesk("read:read_a", "read:read_b", "read:read_c", "read:read_x", "act:issue_refund"));
        Trees.write(head, "faultline.yaml", TRIAGE);
        Trees.write(head, "helpdesk.tools.json", helpdesk("read:read_a", "read:read_b", "read:read_c", "read:read_y", "act:issue_refund"));
        String key = "taint-path triage:helpdesk/issue_refund";

        DiffReport d = diff(base, head);

        Finding before = d.baseReport().findings().stream().filter(f -> (f.ruleId() + " " + f.key()).equals(key)).findFirst().orElseThrow();
        Finding after = d.headReport().findings().stream().filter(f -> (f.ruleId() + " " + f.key()).equals(key)).findFirst().orElseThrow();
        assertThat(after.message()).as("three sources named and one more, on both sides").isEqualTo(before.message())
                .contains("and 1 more");
        assertThat(keys(d.findings().widened())).containsExactly(key);
        assertThat(d.findings().widenedSources()).singleElement().satisfies(c -> {
            assertThat(c.joinedSources()).extracting(TaintSource::name).containsExactly("output of helpdesk/read_y");
            assertThat(c.leftSources()).extracting(TaintSource::name).containsExactly("output of helpdesk/read_x");
            assertThat(c.joined()).extracting(RelatedLocation::message).containsExactly("untrusted source 4 of 4: output of helpdesk/read_y");
        });
        assertThat(d.headlines()).contains("This PR widens a taint path to helpdesk/issue_refund in agent triage: "
                + "output of helpdesk/read_y joins its sources (high).");
        assertThat(d.verdict()).as("high is below the default --block-on critical").isEqualTo(Verdict.SECURITY_SIGNOFF);
        assertThat(d.reasons()).contains("1 widened taint path: " + key + " (high; new: output of helpdesk/read_y)");
        assertThat(d.newFindingsReport().findings()).filteredOn(f -> (f.ruleId() + " " + f.key()).equals(key)).singleElement()
                .satisfies(f -> assertThat(f.related()).extracting(RelatedLocation::message)
                        .endsWith("untrusted source 4 of 4: output of helpdesk/read_y"));

        DiffReport strict = new Differ(new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT), ReadLimits.DEFAULT.maxFileBytes(),
                Severity.HIGH).diff("base", base, "head", head);

        assertThat(strict.verdict()).as("--block-on high: a widened high path blocks as a new one would").isEqualTo(Verdict.BLOCK);
        assertThat(strict.reasons()).contains("blocks: widened high " + key);
    }

    @Test
    void outputsAreDeterministic() throws Exception {
        DiffReport first = diff(Trees.SUPPORT_BEFORE, Trees.SUPPORT_AFTER);
        DiffReport second = diff(Trees.SUPPORT_BEFORE, Trees.SUPPORT_AFTER);
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        new DiffMarkdownWriter().write(first, a);
        new DiffMarkdownWriter().write(second, b);
        assertThat(a.toString()).isEqualTo(b.toString()).startsWith("**Faultline verdict: `block`**");
        StringWriter c = new StringWriter();
        StringWriter e = new StringWriter();
        new DiffJsonWriter().write(first, c);
        new DiffJsonWriter().write(second, e);
        assertThat(c.toString()).isEqualTo(e.toString()).contains("\"verdict\" : \"block\"");
    }
}
