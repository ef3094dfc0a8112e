import dev.faultline.analysis.Analysis;
import dev.faultline.analysis.AnalysisContext;
import dev.faultline.classify.ClassifiedTool;
import dev.faultline.classify.Classifier;
import dev.faultline.graph.CapabilityGraph;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.AgentDecl;
import dev.faultline.model.AgentModel;
import dev.faultline.model.CredentialRef;
import dev.faultline.model.EntryPoint;
import dev.faultline.model.Parameter;
import dev.faultline.model.Tool;
import dev.faultline.pipeline.Analyses;
import dev.faultline.report.Location;
import dev.faultline.rules.Rule;
import dev.faultline.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times graph building against the taint, composition and blast-radius analyses on a synthetic
 * model of {@code TOOLS} tools, {@code TOOLS/10} agents (ten to thirty tools each, a third with an
 * untrusted entry point, in teams of four where a supervisor calls three workers) and {@code TOOLS/20} credentials shared
 * across toolsets: {@code java -cp bench/target/classes:analyzer/target/faultline.jar ModelBench TOOLS [ROUNDS]}
 * (bench/run.sh compiles it). Deterministic (seed 42). One warm-up round, then ROUNDS rounds (default
 * 5); each phase's median is reported, and each ratio is against the median graph build.
 */
public final class ModelBench {
    private static final String[] VERBS = {"get", "list", "search", "read", "send", "delete", "update", "create", "fetch", "post"};
    private static final String[] NOUNS = {"email", "order", "customer", "file", "ticket", "invoice", "page", "user", "repo", "payment"};
    private static final String[] DESCRIPTIONS = {
        "Reads the record and returns its fields", "Sends an email to the given address", "Deletes the record permanently",
        "Fetches a web page from any URL", "Lists private documents of the user", "Creates a payment to the account",
        "Searches public issues written by anyone", "Updates the customer's address"};

    public static void main(String[] args) {
        int tools = Integer.parseInt(args[0]);
        AgentModel model = model(tools, new Random(42));
        RuleCatalog catalog = RuleCatalog.builtIn();
        Map<String, Analysis> engines = Analyses.byKind();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
        Map<String, Integer> found = new java.util.HashMap<>();
        for (int round = 0; round <= rounds; round++) {
            boolean warmUp = round == 0;
            long t0 = System.nanoTime();
            Map<String, ClassifiedTool> classified = new Classifier(catalog).classify(model);
            record(times, "classify", ms(t0), warmUp);
            long t1 = System.nanoTime();
            CapabilityGraph graph = CapabilityGraph.build(model, classified);
            record(times, "graph build", ms(t1), warmUp);
            AnalysisContext ctx = new AnalysisContext(model, classified, graph, catalog);
            long together = 0;
            for (String kind : List.of("taint", "composition", "blast-radius")) {
                long t = System.nanoTime();
                int n = 0;
                for (Rule rule : catalog.rules()) {
                    if (rule.kind().equals(kind)) {
                        n += engines.get(kind).run(rule, ctx).size();
                    }
                }
                long took = ms(t);
                together += took;
                record(times, kind, took, warmUp);
                found.put(kind, n);
            }
            record(times, "analyses together", together, warmUp);
        }
        long graph = Math.max(1, median(times.get("graph build")));
        System.out.printf("model: %d tools, %d agents, %d credentials; medians of %d rounds after one warm-up%n",
                tools, model.agents().size(), tools / 20, rounds);
        times.forEach((name, list) -> System.out.printf("  %-17s %7d ms  %5.2fx graph build  %s%n", name, median(list),
                (double) median(list) / graph, found.containsKey(name) ? found.get(name) + " findings" : ""));
        System.out.println("  (target: each analysis <= 2x graph build)");
    }

    private static void record(Map<String, List<Long>> times, String phase, long millis, boolean warmUp) {
        List<Long> list = times.computeIfAbsent(phase, k -> new ArrayList<>());
        if (!warmUp) {
            list.add(millis);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static AgentModel model(int toolCount, Random rnd) {
        ModelBuilder b = new ModelBuilder();
        int toolsets = Math.max(1, toolCount / 10);
        int creds = Math.max(1, toolCount / 20);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < toolCount; i++) {
            String toolset = "svc" + (i % toolsets);
            String name = VERBS[rnd.nextInt(VERBS.length)] + "_" + NOUNS[rnd.nextInt(NOUNS.length)] + "_" + i;
            Location at = Location.at("tools/" + toolset + ".tools.json", 1 + i / toolsets, 1);
            List<CredentialRef> cr = List.of(new CredentialRef("TOKEN_" + rnd.nextInt(creds), "env", List.of(), at, false));
            b.addTool(new Tool(Tool.idOf(toolset, name), toolset, name, "mcp", DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)], at,
                    List.of(new Parameter("input", "string", "what to act on", at)), List.of(), cr));
            ids.add(Tool.idOf(toolset, name));
        }
        int agents = Math.max(1, toolCount / 10);
        for (int a = 0; a < agents; a++) {
            Location at = Location.at("faultline.yaml", a + 1, 1);
            List<String> patterns = new ArrayList<>();
            for (int k = 0; k < 10 + rnd.nextInt(21); k++) {
                patterns.add(ids.get(rnd.nextInt(ids.size())));
            }
            List<EntryPoint> entries = a % 3 == 0 ? List.of(new EntryPoint("inbound", true, "outsider-written text", at)) : List.of();
            // teams of four: a supervisor calls three workers (agents call each other within a team only)
            List<String> calls = a % 4 == 0 ? java.util.stream.IntStream.rangeClosed(a + 1, Math.min(a + 3, agents - 1))
                    .mapToObj(w -> "agent-" + w).toList() : List.of();
            b.addAgent(new AgentDecl("agent-" + a, "", at, entries, patterns, calls, "", "manifest"));
        }
        return b.build();
    }
}
