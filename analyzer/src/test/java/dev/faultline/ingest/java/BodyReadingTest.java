package dev.faultline.ingest.java;

import static dev.faultline.testing.TestTrees.copy;
import static dev.faultline.testing.TestTrees.edit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.model.AgentModel;
import dev.faultline.model.Tool;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.report.InputStatus;
import dev.faultline.report.JsonReportWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the method bodies of the files tools call into only when a walk enters them gives the
 * model and report that parsing those files whole gives, on every sample and Java fixture; and so
 * does reading the framework files on several threads at once.
 */
class BodyReadingTest {
    private static final Path FIXTURES = Path.of("src/test/resources/ingest/java");

    @TempDir
    Path temp;

    private static AgentModel model(Path tree, SourceIndex.BodyReading reading) {
        return model(tree, new JavaSourceIngester(JavaFixtures.CATALOG, ReadLimits.DEFAULT, Optional.empty(), reading));
    }

    private static AgentModel model(Path tree, JavaSourceIngester ingester) {
        ModelBuilder model = new ModelBuilder();
        ingester.ingest(JavaFixtures.files(tree).stream().filter(ingester::wants).toList(), model);
        return model.build();
    }

    private static String report(Path tree, SourceIndex.BodyReading reading) throws IOException {
        return report(model(tree, reading));
    }

    private static String report(AgentModel model) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReportWriter().write(new Pipeline(JavaFixtures.CATALOG, ReadLimits.DEFAULT).compile(model).report(), out);
        return out.toString();
    }

    /** Every sample tree with Java sources, and every Java fixture. */
    private static List<Path> trees() throws IOException {
        List<Path> trees;
        try (Stream<Path> samples = Files.walk(Path.of("..", "samples"), 2); Stream<Path> fixtures = Files.list(FIXTURES)) {
            trees = Stream.concat(samples.filter(p -> Files.isDirectory(p.resolve("src"))), fixtures.filter(Files::isDirectory))
                    .sorted().toList();
        }
        assertThat(trees).hasSizeGreaterThanOrEqualTo(15);
        return trees;
    }

    @TestFactory
    Stream<DynamicTest> bodiesReadOnDemandGiveTheReportOfWholeFiles() throws IOException {
        return trees().stream().map(tree -> DynamicTest.dynamicTest(tree.toString(), () ->
                assertThat(report(tree, SourceIndex.BodyReading.ON_DEMAND)).isEqualTo(report(tree, SourceIndex.BodyReading.WHOLE))));
    }

    @TestFactory
    Stream<DynamicTest> anyNumberOfReadersGivesTheReportOfOne() throws IOException {
        return trees().stream().map(tree -> DynamicTest.dynamicTest(tree.toString(), () -> {
            String one = report(model(tree, new JavaSourceIngester(JavaFixtures.CATALOG, ReadLimits.DEFAULT, Optional.empty(),
                    SourceIndex.BodyReading.ON_DEMAND, 1, 1)));
            for (int chunk = 1; chunk <= 2; chunk++) {
                assertThat(report(model(tree, new JavaSourceIngester(JavaFixtures.CATALOG, ReadLimits.DEFAULT, Optional.empty(),
                        SourceIndex.BodyReading.ON_DEMAND, 3, chunk)))).as("3 readers, %d file(s) at a time", chunk).isEqualTo(one);
            }
        }));
    }

    @Test
    void aFieldSetOutsideTheConstructorStillCarriesItsCredentialToTheToolThatUsesIt() {
        AgentModel model = model(FIXTURES.resolve("bodies-on-demand"), SourceIndex.BodyReading.ON_DEMAND);
        Tool refund = model.tools().stream().filter(t -> t.name().equals("refund")).findFirst().orElseThrow();
        Tool payment = model.tools().stream().filter(t -> t.name().equals("payment")).findFirst().orElseThrow();
        assertThat(refund.credentials()).extracting(c -> c.name()).containsExactly("ledger.api-token");
        assertThat(payment.credentials()).isEmpty();
    }

    @Test
    void aSyntaxErrorInABodyNoToolReachesIsNotRead() throws IOException {
        Path tree = temp.resolve("tree");
        copy(FIXTURES.resolve("bodies-on-demand"), tree);
        edit(tree.resolve("src/main/java/com/acme/ledger/service/LedgerService.java"), "total += amount;", "total += ;");

        AgentModel onDemand = model(tree, SourceIndex.BodyReading.ON_DEMAND);
        assertThat(status(onDemand, "src/main/java/com/acme/ledger/service/LedgerService.java")).isEqualTo(InputStatus.SCANNED);
        assertThat(onDemand.tools().stream().filter(t -> t.name().equals("refund")).findFirst().orElseThrow().credentials())
                .extracting(c -> c.name()).containsExactly("ledger.api-token");
        AgentModel whole = model(tree, SourceIndex.BodyReading.WHOLE);
        assertThat(status(whole, "src/main/java/com/acme/ledger/service/LedgerService.java")).isEqualTo(InputStatus.FAILED);
    }

    private static InputStatus status(AgentModel model, String path) {
        return model.inputs().stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow().status();
    }
}
