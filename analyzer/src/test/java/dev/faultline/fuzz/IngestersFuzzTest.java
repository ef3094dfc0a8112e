package dev.faultline.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.faultline.doc.DocException;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.JsonDocReader;
import dev.faultline.doc.ReadLimits;
import dev.faultline.doc.YamlDocReader;
import dev.faultline.ingest.Discovery;
import dev.faultline.ingest.DocumentIngester;
import dev.faultline.ingest.ManifestReader;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.ingest.SourceText;
import dev.faultline.pipeline.Ingesters;
import dev.faultline.rules.RuleCatalog;
import dev.faultline.rules.RuleFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz tests, one per ingester family: whatever the bytes, only {@link DocException} (documents) or
 * {@link RuleFileException} (rule packs) may come out, and a scanned file always ends with a status.
 * In a normal {@code mvn test} each replays its seeds from
 * {@code src/test/resources/dev/faultline/fuzz/IngestersFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} Jazzer mutates them (see the README's security model).
 */
class IngestersFuzzTest {
    private static final ReadLimits LIMITS = ReadLimits.DEFAULT;
    private static final RuleCatalog CATALOG = RuleCatalog.builtIn();
    private static final Path WORK = tempDir();

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("faultline-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceFile file(String path, byte[] data) {
        return new SourceFile(path, WORK.resolve("unused"), data.length);
    }

    /** JSON text through the reader and every schema ingester that recognises it, then the model. */
    @FuzzTest(maxDuration = "60s")
    void jsonDocuments(byte[] data) {
        ModelBuilder model = new ModelBuilder();
        try {
            String text = SourceText.decode("f.tools.json", data);
            DocNode root = new JsonDocReader(LIMITS).read("f.tools.json", text);
            ingest(file("f.tools.json", data), root, model);
        } catch (DocException expected) {
            assertThat(expected.location().path()).isEqualTo("f.tools.json");
        }
        model.build();
    }

    /** YAML text through the reader, the manifest reader and the schema ingesters (OpenAPI in YAML). */
    @FuzzTest(maxDuration = "60s")
    void yamlDocuments(byte[] data) {
        ModelBuilder model = new ModelBuilder();
        try {
            String text = SourceText.decode("faultline.yaml", data);
            DocNode root = new YamlDocReader(LIMITS).read("faultline.yaml", text);
            try {
                model.addManifest(new ManifestReader().read(file("faultline.yaml", data), root));
            } catch (DocException expected) {
                assertThat(expected.location().path()).isEqualTo("faultline.yaml");
            }
            ingest(file("faultline.yaml", data), root, model);
        } catch (DocException expected) {
            assertThat(expected.location().path()).isEqualTo("faultline.yaml");
        }
        model.build();
    }

    private static void ingest(SourceFile file, DocNode root, ModelBuilder model) throws DocException {
        for (DocumentIngester ingester : Ingesters.documents()) {
            if (ingester.recognises(file, root)) {
                ingester.ingest(file, root, model);
            }
        }
    }

    /** One generated Java file through discovery and the Java ingester: it must end scanned, skipped or failed. */
    @FuzzTest(maxDuration = "60s")
    void javaSource(byte[] data) throws IOException {
        Path root = Files.createDirectories(WORK.resolve("java"));
        Path source = Files.createDirectories(root.resolve("src/main/java/p")).resolve("T.java");
        Files.write(source, data);
        ModelBuilder model = new ModelBuilder();
        new Discovery(LIMITS, Ingesters.documents(), Ingesters.projects(CATALOG, LIMITS))
                .scan(List.of(new Discovery.Root(root, "")), model);
        assertThat(model.hasInput("src/main/java/p/T.java")).isTrue();
        model.build();
    }

    /**
     * A rule pack from YAML text: a rule file, or a model file when the input starts with {@code M}.
     * Rule ids must equal the file name, so the seeds use {@code fuzz-rule}.
     */
    @FuzzTest(maxDuration = "60s")
    void ruleFiles(byte[] data) throws IOException {
        Path root = WORK.resolve("rules-" + System.nanoTime());
        Path pack = Files.createDirectories(root.resolve("fuzz"));
        boolean model = data.length > 0 && data[0] == 'M';
        Path target = model ? Files.createDirectories(pack.resolve("models")).resolve("fuzz-model.yaml") : pack.resolve("fuzz-rule.yaml");
        Files.write(target, model ? java.util.Arrays.copyOfRange(data, 1, data.length) : data);
        try {
            RuleCatalog.load(List.of(root));
        } catch (RuleFileException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
        } finally {
            Files.delete(target);
            if (model) {
                Files.delete(pack.resolve("models"));
            }
            Files.delete(pack);
            Files.delete(root);
        }
    }
}
