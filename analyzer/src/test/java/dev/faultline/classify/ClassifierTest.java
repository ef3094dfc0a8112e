package dev.faultline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Provenance;
import dev.faultline.model.Signal;
import dev.faultline.model.Tool;
import dev.faultline.report.Location;
import dev.faultline.rules.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How evidence of different provenance combines into one blast radius. */
class ClassifierTest {
    private final Classifier classifier = new Classifier(RuleCatalog.builtIn());
    private static final Location AT = Location.at("Tools.java", 12, 5);

    private static Tool tool(String name, String description, List<Signal> signals) {
        return new Tool(Tool.idOf("Tools", name), "Tools", name, "langchain4j", description, AT, List.of(), signals, List.of());
    }

    @Test
    void aReadingNameIsReadOnlyWhenNothingElseIsKnown() {
        ClassifiedTool t = classifier.classify(tool("getInvoice", "Returns an invoice", List.of()), List.of());
        assertThat(t.blastRadius()).isEqualTo(BlastRadius.READ_ONLY);
        assertThat(t.radiusProvenance()).isEqualTo(Provenance.HEURISTIC);
    }

    @Test
    void anUnfollowedBodyOutweighsAReassuringName() {
        ClassifiedTool t = classifier.classify(tool("getInvoice", "Returns an invoice",
                List.of(Signal.of("code-unknown", "body-not-followed", AT))), List.of());
        assertThat(t.blastRadius()).isEqualTo(BlastRadius.IRREVERSIBLE);
        assertThat(t.radiusProvenance()).isEqualTo(Provenance.DEFAULT);
        assertThat(t.evidence()).anySatisfy(e -> assertThat(e.rule()).isEqualTo("tool-body-not-followed"));
    }

    @Test
    void aDeclaredReadOnlyHintDoesNotLowerADestructiveName() {
        ClassifiedTool t = classifier.classify(tool("delete_repository", "Deletes a repository",
                List.of(Signal.of("mcp-annotation", "readOnlyHint=true", AT))), List.of());
        assertThat(t.blastRadius()).isEqualTo(BlastRadius.IRREVERSIBLE);
        assertThat(t.radiusProvenance()).isEqualTo(Provenance.HEURISTIC);
        assertThat(t.capabilities()).contains("delete");
    }

    @Test
    void noEvidenceAtAllAssumesIrreversibleAsMcpDefaultsDo() {
        ClassifiedTool t = classifier.classify(tool("frobnicate", "", List.of()), List.of());
        assertThat(t.blastRadius()).isEqualTo(BlastRadius.IRREVERSIBLE);
        assertThat(t.radiusProvenance()).isEqualTo(Provenance.DEFAULT);
    }
}
