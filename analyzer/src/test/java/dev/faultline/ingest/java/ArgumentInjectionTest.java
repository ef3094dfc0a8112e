package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.analysis.AnalysisContext;
import dev.faultline.analysis.ArgumentInjectionAnalysis;
import dev.faultline.classify.ClassifiedTool;
import dev.faultline.graph.CapabilityGraph;
import dev.faultline.model.AgentModel;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Provenance;
import dev.faultline.model.Tool;
import dev.faultline.report.Finding;
import dev.faultline.report.FlowStep;
import dev.faultline.report.Severity;
import dev.faultline.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The argument-injection rule against its fixtures in {@code rules/java/argument-injection/}: every
 * {@code // expect:} marker is matched by a finding on its line or up to 3 lines below, and no other
 * finding exists.
 */
class ArgumentInjectionTest {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(\\S+)\\s+(\\S+)");
    private static final Path FIXTURES = Path.of("..", "rules", "java", "argument-injection");

    static List<Finding> findings(Path root) {
        AgentModel model = JavaFixtures.scan(root);
        Rule rule = JavaFixtures.CATALOG.rule("argument-injection").orElseThrow();
        Map<String, ClassifiedTool> tools = model.tools().stream().collect(Collectors.toMap(Tool::id, t ->
                new ClassifiedTool(t, BlastRadius.IRREVERSIBLE, Provenance.DEFAULT, false, Provenance.DEFAULT, false,
                        Provenance.DEFAULT, Set.of(), false, List.of())));
        AnalysisContext context = new AnalysisContext(model, tools, CapabilityGraph.build(model, tools), JavaFixtures.CATALOG);
        return new ArgumentInjectionAnalysis().run(rule, context);
    }

    /** Markers of one rule under a folder: {@code key -> path:line}. */
    static Set<String> markers(Path root, String ruleId) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    if (m.find() && m.group(1).equals(ruleId)) {
                        out.add(m.group(2) + " @" + root.relativize(f).toString().replace('\\', '/') + ":" + (i + 1));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> claimed(List<Finding> findings, Set<String> markers) {
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            for (String m : markers) {
                String key = m.substring(0, m.indexOf(" @"));
                String at = m.substring(m.indexOf(" @") + 2);
                String path = at.substring(0, at.lastIndexOf(':'));
                int line = Integer.parseInt(at.substring(at.lastIndexOf(':') + 1));
                int delta = f.location().startLine() - line;
                if (key.equals(f.key()) && path.equals(f.location().path()) && delta >= 0 && delta <= 3) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Test
    void positiveFixtureFindingsMatchTheirMarkers() throws IOException {
        Path root = FIXTURES.resolve("positive");
        List<Finding> findings = findings(root);
        Set<String> markers = markers(root, "argument-injection");
        assertThat(markers).hasSize(5);
        assertThat(findings).extracting(Finding::key).containsExactlyInAnyOrder(
                "OpsTools/countJobs:filter->sql", "OpsTools/journal:unit->command", "OpsTools/runbook:name->path",
                "OpsTools/unlock:lockFile->path", "OpsTools/health:host->url");
        assertThat(claimed(findings, markers)).isEqualTo(markers);
    }

    @Test
    void findingsCarryRuleSeverityMessageAndFlow() {
        Finding sql = findings(FIXTURES.resolve("positive")).stream()
                .filter(f -> f.key().equals("OpsTools/countJobs:filter->sql")).findFirst().orElseThrow();
        assertThat(sql.ruleId()).isEqualTo("argument-injection");
        assertThat(sql.severity()).isEqualTo(Severity.HIGH);
        assertThat(sql.precision()).isEqualTo("medium");
        assertThat(sql.message()).isEqualTo("Tool OpsTools/countJobs: parameter 'filter' reaches a sql sink without a check");
        assertThat(sql.steps()).extracting(FlowStep::message).containsExactly(
                "parameter filter is chosen by the model", "flows into sql", "reaches Statement.executeQuery as sql");
    }

    @Test
    void negativeFixtureIsSilent() {
        assertThat(findings(FIXTURES.resolve("negative"))).isEmpty();
    }

    @Test
    void helperOnlyFlowsAreAKnownGap() {
        List<String> keys = new ArrayList<>();
        findings(JavaFixtures.fixture("mixed")).forEach(f -> keys.add(f.key()));
        assertThat(keys).containsExactly("LegacyTools/deleteExport:name->path");
    }
}
