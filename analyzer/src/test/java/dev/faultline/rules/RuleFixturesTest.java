package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.ReadLimits;
import dev.faultline.harness.ExpectationHarness;
import dev.faultline.harness.Marker;
import dev.faultline.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rule packs' own fixtures: every case under {@code rules/<pack>/<rule-id>/} holds its markers,
 * and every rule has at least one positive case (an {@code expect:} of that rule) and one negative
 * case (an {@code ok:} of that rule).
 */
class RuleFixturesTest {
    private static final Path RULES = Path.of("..", "rules");
    private final Pipeline pipeline = new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT);

    @TestFactory
    Stream<DynamicTest> everyCaseHoldsItsMarkers() throws IOException {
        ExpectationHarness harness = new ExpectationHarness(pipeline);
        return ExpectationHarness.cases(RULES).stream().map(c -> DynamicTest.dynamicTest(RULES.relativize(c).toString(), () ->
                assertThat(harness.check(c).failures()).as("marker failures in " + c).isEmpty()));
    }

    @Test
    void everyRuleHasAPositiveAndANegativeCase() throws IOException {
        for (Rule rule : pipeline.catalog().rules()) {
            Path folder = RULES.resolve(rule.pack()).resolve(rule.id());
            assertThat(folder).as("fixture folder of rule " + rule.id()).isDirectory();
            List<Marker> markers = ExpectationHarness.markers(folder).stream().filter(m -> m.ruleId().equals(rule.id())).toList();
            assertThat(markers).as("positive case (expect:) of " + rule.id())
                    .anyMatch(m -> m.kind().equals("expect") && !m.key().isEmpty());
            assertThat(markers).as("negative case (ok:) of " + rule.id()).anyMatch(m -> m.kind().equals("ok"));
        }
    }

    @Test
    void fixtureFoldersNameRealRules() throws IOException {
        try (Stream<Path> packs = Files.list(RULES)) {
            for (Path pack : packs.filter(Files::isDirectory)
                    .filter(p -> !dev.faultline.ingest.Discovery.SKIPPED_FOLDERS.contains(p.getFileName().toString())).toList()) {
                try (Stream<Path> folders = Files.list(pack)) {
                    for (Path f : folders.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("models")).toList()) {
                        assertThat(pipeline.catalog().rule(f.getFileName().toString()))
                                .as("folder %s names no rule", f).isPresent();
                    }
                }
            }
        }
    }
}
