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
 * across toolsets: {@code java -cp bench/target/classes:analyzer/target/faultline.jar ModelBench TOOLS}
 * (bench/run.sh compiles it). Deterministic (seed 42). Each phase is run twice and the second,
 * warm, time is reported.
 */
public final class ModelBench {
    /** One timed phase. */
    record Phase(String name, long millis, int findings) {
    }

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
        List<Phase> phases = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            phases.clear();
            long t0 = System.nanoTime();
            Map<String, ClassifiedTool> classified = new Classifier(catalog).classify(model);
            phases.add(new Phase("classify", ms(t0), 0));
            long t1 = System.nanoTime();
            CapabilityGraph graph = CapabilityGraph.build(model, classified);
            phases.add(new Phase("graph build", ms(t1), 0));
            System.err.printf("    (classify %d ms, graph build %d ms)%n", phases.get(0).millis(), phases.get(1).millis());
            AnalysisContext ctx = new AnalysisContext(model, classified, graph, catalog);
            for (String kind : List.of("taint", "composition", "blast-radius")) {
                long t = System.nanoTime();
                int found = 0;
                for (Rule rule : catalog.rules()) {
                    if (rule.kind().equals(kind)) {
                        found += engines.get(kind).run(rule, ctx).size();
                    }
                }
                phases.add(new Phase(kind, ms(t), found));
                System.err.printf("    (%s, round %d: %d ms)%n", kind, round + 1, phases.get(phases.size() - 1).millis());
            }
        }
        long graph = Math.max(1, phases.get(1).millis());
        System.out.printf("model: %d tools, %d agents, %d credentials%n", tools, model.agents().size(), tools / 20);
        for (Phase p : phases) {
            System.out.printf("  %-12s %7d ms  %5.2fx graph build  %s%n", p.name(), p.millis(), (double) p.millis() / graph,
                    p.name().contains("graph") || p.name().equals("classify") ? "" : p.findings() + " findings");
        }
        long analyses = phases.stream().skip(2).mapToLong(Phase::millis).sum();
        System.out.printf("  analyses together %d ms = %.2fx graph build (target <= 2)%n", analyses, (double) analyses / graph);
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
