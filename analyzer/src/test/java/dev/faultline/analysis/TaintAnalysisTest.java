package dev.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.classify.Classifier;
import dev.faultline.doc.ReadLimits;
import dev.faultline.graph.CapabilityGraph;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.Agent;
import dev.faultline.model.AgentDecl;
import dev.faultline.model.AgentModel;
import dev.faultline.model.EntryPoint;
import dev.faultline.model.Parameter;
import dev.faultline.model.Tool;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.report.Finding;
import dev.faultline.report.FlowStep;
import dev.faultline.report.Location;
import dev.faultline.report.RelatedLocation;
import dev.faultline.report.TaintSource;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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

    @Test
    void agreesWithOneSearchPerSourceOnRandomModels() {
        RuleCatalog catalog = RuleCatalog.builtIn();
        Rule rule = catalog.rule("taint-path").orElseThrow();
        String[] descriptions = {"Fetches a web page from any URL", "Deletes the record permanently", "Reads the record and returns its fields",
            "Sends an email to the given address", "Searches public issues written by anyone"};
        int findings = 0;
        int throughOtherAgents = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random rnd = new Random(seed);
            ModelBuilder b = new ModelBuilder();
            Location at = Location.at("tools.json", 1, 1);
            int toolCount = 4 + rnd.nextInt(10);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < toolCount; i++) {
                String id = Tool.idOf("set", "tool" + i);
                b.addTool(new Tool(id, "set", "tool" + i, "mcp", descriptions[rnd.nextInt(descriptions.length)], at,
                        List.of(new Parameter("input", "string", "what to act on", at)), List.of(), List.of()));
                ids.add(id);
            }
            int agentCount = 2 + rnd.nextInt(9);
            for (int a = 0; a < agentCount; a++) {
                List<String> tools = new ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    tools.add(ids.get(rnd.nextInt(ids.size())));
                }
                List<String> calls = new ArrayList<>();
                for (int other = 0; other < agentCount; other++) {
                    if (other != a && rnd.nextInt(agentCount * 2) == 0) {
                        calls.add("agent" + other);
                    }
                }
                List<EntryPoint> entries = new ArrayList<>();
                for (int e = rnd.nextInt(3); e > 0; e--) {
                    entries.add(new EntryPoint("in" + e, rnd.nextBoolean(), "", Location.at("faultline.yaml", a + 1, e)));
                }
                b.addAgent(new AgentDecl("agent" + a, "", Location.at("faultline.yaml", a + 1, 1), entries, tools, calls, "", "manifest"));
            }
            AgentModel model = b.build();
            Map<String, ClassifiedTool> classified = new Classifier(catalog).classify(model);
            AnalysisContext ctx = new AnalysisContext(model, classified, CapabilityGraph.build(model, classified), catalog);
            Map<String, Finding> actual = new TreeMap<>();
            new TaintAnalysis().run(rule, ctx).forEach(f -> actual.put(f.key(), f));
            checkAgainstBruteForce(model, classified, actual, TaintAnalysis.reach(ctx), seed);
            findings += actual.size();
            throughOtherAgents += (int) actual.values().stream().filter(f -> f.steps().size() > 3).count();
        }
        assertThat(findings).as("the random models give findings").isGreaterThan(50);
        assertThat(throughOtherAgents).as("some witnesses cross agents").isGreaterThan(5);
    }

    /** Per source, a breadth-first search over the agents; then per agent and sink, the nearest other source. */
    private static void checkAgainstBruteForce(AgentModel model, Map<String, ClassifiedTool> classified, Map<String, Finding> actual,
                                               TaintReach reach, int seed) {
        Map<String, Agent> agents = new LinkedHashMap<>();
        model.agents().forEach(a -> agents.put(a.name(), a));
        Map<String, List<String>> neighbours = new HashMap<>();
        for (Agent a : model.agents()) {
            neighbours.computeIfAbsent(a.name(), k -> new ArrayList<>()).addAll(a.calls());
            a.calls().forEach(c -> neighbours.computeIfAbsent(c, k -> new ArrayList<>()).add(a.name()));
        }
        Map<String, String> names = new TreeMap<>();
        Map<String, List<String>> firstAgents = new TreeMap<>();
        for (Agent a : model.agents()) {
            for (EntryPoint e : a.entryPoints()) {
                if (e.untrusted()) {
                    names.put("entry:" + a.name() + "/" + e.name(), TaintSource.entry(0, 0, a.name(), e.name()).name());
                    firstAgents.put("entry:" + a.name() + "/" + e.name(), List.of(a.name()));
                }
            }
            for (String t : a.tools()) {
                if (classified.get(t).untrustedOutput()) {
                    names.put(t, TaintSource.tool(0, 0, t).name());
                    firstAgents.computeIfAbsent(t, k -> new ArrayList<>()).add(a.name());
                }
            }
        }
        Map<String, Map<String, Integer>> distance = new HashMap<>();
        firstAgents.forEach((source, first) -> {
            Map<String, Integer> d = new HashMap<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            first.forEach(a -> d.putIfAbsent(a, 0));
            queue.addAll(d.keySet());
            while (!queue.isEmpty()) {
                String a = queue.removeFirst();
                for (String n : neighbours.getOrDefault(a, List.of())) {
                    if (d.putIfAbsent(n, d.get(a) + 1) == null) {
                        queue.add(n);
                    }
                }
            }
            distance.put(source, d);
        });
        Map<String, Finding> expected = new TreeMap<>();
        for (Agent a : model.agents()) {
            for (String sink : a.tools()) {
                if (!classified.get(sink).isDangerous()) {
                    continue;
                }
                List<String> reaching = names.keySet().stream().filter(s -> !s.equals(sink) && distance.get(s).containsKey(a.name())).toList();
                String key = a.name() + ":" + sink;
                if (reaching.isEmpty()) {
                    assertThat(actual).as("seed %d", seed).doesNotContainKey(key);
                    continue;
                }
                assertThat(actual).as("seed %d", seed).containsKey(key);
                assertThat(reach.sources(a.name(), sink)).extracting(TaintReach.Site::key).as("seed %d %s: every source", seed, key)
                        .containsExactlyElementsOf(reaching);
                Finding f = actual.get(key);
                expected.put(key, f);
                assertThat(related(f)).as("seed %d %s", seed, key).containsExactlyElementsOf(reaching.stream().limit(3)
                        .map(s -> "untrusted source " + (reaching.indexOf(s) + 1) + " of " + reaching.size() + ": " + names.get(s)).toList());
                int nearest = reaching.stream().mapToInt(s -> distance.get(s).get(a.name())).min().orElseThrow();
                List<String> hops = steps(f).subList(1, f.steps().size() - 1);
                assertThat(hops).as("seed %d %s: one step per agent on a shortest path", seed, key).hasSize(nearest + 1);
                assertThat(hops.get(hops.size() - 1)).endsWith("agent " + a.name());
                String witness = reaching.stream().filter(s -> distance.get(s).get(a.name()) == nearest
                        && steps(f).get(0).startsWith(s.startsWith("entry:") ? "untrusted entry point " : "output of " + s + ",")).findFirst()
                        .orElseThrow(() -> new AssertionError("seed " + seed + " " + key + ": witness is no nearest source: " + steps(f)));
                assertThat(witness).isNotEqualTo(sink);
            }
        }
        assertThat(actual.keySet()).as("seed %d", seed).isEqualTo(expected.keySet());
    }
}
