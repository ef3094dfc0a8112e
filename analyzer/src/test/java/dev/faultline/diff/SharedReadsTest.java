package dev.faultline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.ReadLimits;
import dev.faultline.ingest.java.FactsCache;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.report.Severity;
import dev.faultline.rules.RuleCatalog;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diff reads the files its two trees hold alike once (through one facts cache, in memory when none
 * is given): its report must be the one of two scans that share nothing, whatever the change, and in
 * particular when only a file beside the Java sources differs, which the facts of an unchanged Java
 * file depend on.
 */
class SharedReadsTest {
    private static final Pipeline ALONE = new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT);
    private static final String CLIENT = "src/main/java/com/acme/support/billing/BillingAdminClient.java";

    @TempDir
    Path dir;

    /** The diff's JSON report, with its trees compiled through one cache, and with each compiled on its own. */
    private static void assertSharingChangesNothing(Pipeline pipeline, Path base, Path head) {
        Differ differ = new Differ(pipeline, ReadLimits.DEFAULT.maxFileBytes(), Severity.CRITICAL);
        String shared = json(differ.diff("base", base, "head", head));
        String alone = json(differ.diff("base", base, ALONE.scan(List.of(base)), "head", head, ALONE.scan(List.of(head))));
        assertThat(shared).isEqualTo(alone);
    }

    private static String json(DiffReport d) {
        StringWriter out = new StringWriter();
        try {
            new DiffJsonWriter().write(d, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void theDemoPullRequestGivesTheSameReport() {
        assertSharingChangesNothing(ALONE, Trees.SUPPORT_BEFORE, Trees.SUPPORT_AFTER);
        assertSharingChangesNothing(ALONE, Trees.SUPPORT_AFTER, Trees.SUPPORT_BEFORE);
    }

    @Test
    void aChangeToAClassAToolReachesIsSeenOnItsSideOnly() {
        Path head = Trees.copy(Trees.SUPPORT_AFTER, dir.resolve("head"));
        Trees.edit(head, CLIENT, "restClient.post()", "restClient.get()");
        assertSharingChangesNothing(ALONE, Trees.SUPPORT_AFTER, head);
    }

    @Test
    void aConfigurationFileThatDiffersKeepsEachSideToItsOwn() {
        Path head = Trees.copy(Trees.SUPPORT_AFTER, dir.resolve("head"));
        Trees.edit(head, "src/main/resources/application.yml", "helpdesk:\n", "# the helpdesk moved\nhelpdesk:\n");
        assertThat(ALONE.scan(List.of(head)).report()).as("the credentials read from it move")
                .isNotEqualTo(ALONE.scan(List.of(Trees.SUPPORT_AFTER)).report());
        assertSharingChangesNothing(ALONE, Trees.SUPPORT_AFTER, head);
        assertSharingChangesNothing(ALONE, head, Trees.SUPPORT_AFTER);
    }

    @Test
    void aCacheFolderIsSharedTheSameWay() {
        Pipeline cached = new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT, Optional.of(FactsCache.in(dir.resolve("cache"))));
        Path head = Trees.copy(Trees.SUPPORT_AFTER, dir.resolve("head"));
        Trees.edit(head, CLIENT, "restClient.post()", "restClient.get()");
        assertSharingChangesNothing(cached, Trees.SUPPORT_BEFORE, head);
        assertSharingChangesNothing(cached, Trees.SUPPORT_BEFORE, head); // now from the folder
    }

    @Test
    void twoIdenticalTreesReadEachFrameworkFileOnce() {
        Path copy = Trees.copy(Trees.SUPPORT_AFTER, dir.resolve("copy"));
        FactsCache memory = FactsCache.inMemory();
        Pipeline pipeline = new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT, Optional.of(memory));
        new Differ(pipeline, ReadLimits.DEFAULT.maxFileBytes(), Severity.CRITICAL).diff("base", Trees.SUPPORT_AFTER, "head", copy);
        assertThat(memory.misses()).as("framework files read").isPositive();
        assertThat(memory.hits()).as("framework files taken from the other tree").isEqualTo(memory.misses());
        assertSharingChangesNothing(ALONE, Trees.SUPPORT_AFTER, copy);
    }
}
