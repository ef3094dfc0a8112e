package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.classify.ClassifiedTool;
import dev.faultline.doc.ReadLimits;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Provenance;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.pipeline.ScanResult;
import dev.faultline.rules.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tool whose handler lives outside the project: Faultline says it does not know, and assumes the worst. */
class UnknownHandlerTest {

    @Test
    void aHandlerFromALibraryMakesTheToolIrreversibleByDefaultDespiteAReadingName() {
        ScanResult r = new Pipeline(RuleCatalog.builtIn(), ReadLimits.DEFAULT)
                .scan(List.of(JavaFixtures.fixture("mcp-sdk-external-handler")));
        ClassifiedTool lookup = r.tools().get("SearchServer/lookup_docs");
        assertThat(lookup.blastRadius()).isEqualTo(BlastRadius.IRREVERSIBLE);
        assertThat(lookup.radiusProvenance()).isEqualTo(Provenance.DEFAULT);
        assertThat(lookup.evidence()).anySatisfy(e -> assertThat(e.rule()).isEqualTo("tool-body-not-followed"));
        assertThat(r.report().notifications()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo("tool-body-unknown");
            assertThat(n.location().display()).startsWith("src/main/java/com/example/search/SearchServer.java:24");
        });
    }
}
