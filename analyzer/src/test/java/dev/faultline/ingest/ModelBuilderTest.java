package dev.faultline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.doc.DocException;
import dev.faultline.report.InputFile;
import dev.faultline.report.InputStatus;
import dev.faultline.report.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the builder records of a file read in parts: a part that failed keeps the file failed. */
class ModelBuilderTest {
    private static final SourceFile FILE = new SourceFile("src/Billing.java", Path.of("/tree/src/Billing.java").toAbsolutePath(), 100);

    private static ModelBuilder.Recording part(boolean failed) {
        ModelBuilder part = new ModelBuilder();
        part.scanned(FILE, "java");
        if (failed) {
            part.failed(FILE, "java", new DocException("Java syntax error: Parse error", Location.at(FILE.path(), 9, 17)));
        }
        return part.recording();
    }

    private static InputFile input(ModelBuilder model) {
        return model.build().inputs().stream().filter(i -> i.path().equals(FILE.path())).findFirst().orElseThrow();
    }

    @Test
    void aFailedPartKeepsItsFileFailedInWhateverOrderThePartsAreReplayed() {
        for (List<Boolean> order : List.of(List.of(true, false), List.of(false, true))) {
            ModelBuilder model = new ModelBuilder();
            order.forEach(failed -> model.replay(part(failed)));
            assertThat(input(model).status()).as("parts failed %s", order).isEqualTo(InputStatus.FAILED);
            assertThat(input(model).location().startLine()).isEqualTo(9);
        }
    }

    @Test
    void aFileReadAgainAfterItFailedStaysFailed() {
        ModelBuilder model = new ModelBuilder();
        model.failed(FILE, "java", new DocException("Java syntax error: Parse error", Location.at(FILE.path(), 3, 1)));
        model.scanned(FILE, "java");
        assertThat(input(model).status()).isEqualTo(InputStatus.FAILED);

        ModelBuilder clean = new ModelBuilder();
        clean.replay(part(false));
        assertThat(input(clean).status()).isEqualTo(InputStatus.SCANNED);
    }
}
