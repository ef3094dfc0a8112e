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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The argument-injection rule against its fixtures in {@code rules/java/argument-injection/}: every
 * {@code // expect:} marker is matched by a finding on its line or up to 3 lines below, and no other
 * finding exists.
 */
class ArgumentInjectionTest {
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

    @Test
    void positiveFixtureReportsEachUncheckedSink() {
        // Markers and locations of this fixture are checked by RuleFixturesTest through the expectation harness.
        List<Finding> findings = findings(FIXTURES.resolve("positive"));
        assertThat(findings).extracting(Finding::key).containsExactlyInAnyOrder(
                "OpsTools/countJobs:filter->sql", "OpsTools/journal:unit->command", "OpsTools/runbook:name->path",
                "OpsTools/unlock:lockFile->path", "OpsTools/health:host->url");
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
