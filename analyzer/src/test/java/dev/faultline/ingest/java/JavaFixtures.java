package dev.faultline.ingest.java;

import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.AgentModel;
import dev.faultline.rules.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Scans a folder of Java sources with the built-in rules, as discovery would hand them over. */
final class JavaFixtures {
    static final RuleCatalog CATALOG = RuleCatalog.builtIn();

    private JavaFixtures() {
    }

    /** A folder under {@code src/test/resources/ingest/java/}. */
    static Path fixture(String name) {
        return Path.of("src/test/resources/ingest/java", name);
    }

    /** A folder under the repository's {@code samples/}. */
    static Path sample(String name) {
        return Path.of("..", "samples", name);
    }

    static List<SourceFile> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return new SourceFile(root.relativize(p).toString().replace('\\', '/'), p.toAbsolutePath(), Files.size(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AgentModel scan(Path root) {
        JavaSourceIngester ingester = new JavaSourceIngester(CATALOG);
        ModelBuilder model = new ModelBuilder();
        ingester.ingest(files(root).stream().filter(ingester::wants).toList(), model);
        return model.build();
    }
}
