package dev.faultline.ingest.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.faultline.ingest.ModelBuilder;
import dev.faultline.ingest.SourceFile;
import dev.faultline.model.AgentModel;
import dev.faultline.report.InputStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the Java ingester on a large folder, against parsing every file:
 * {@code mvn -pl analyzer test -Dtest=JavaIngestPerfTest -Dfaultline.perf.dir=/path/to/java/tree}.
 */
@EnabledIfSystemProperty(named = "faultline.perf.dir", matches = ".+")
class JavaIngestPerfTest {
    private static final int RUNS = 3;

    @Test
    void measure() throws Exception {
        Path root = Path.of(System.getProperty("faultline.perf.dir"));
        List<SourceFile> files = JavaFixtures.files(root).stream().filter(f -> f.extension().equals("java")).toList();
        // best of RUNS: the first run also pays for class loading and JIT; the minimum is the least disturbed by other load
        long best = Long.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            long t0 = System.nanoTime();
            ModelBuilder builder = new ModelBuilder();
            new JavaSourceIngester(JavaFixtures.CATALOG).ingest(files, builder);
            AgentModel m = builder.build();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            best = Math.min(best, ms);
            long parsed = m.inputs().stream().filter(i -> i.status() == InputStatus.SCANNED).count();
            System.out.printf("PERF run %d: ingest %d files, parsed %d, tools %d, %d ms%n", run, files.size(), parsed, m.tools().size(), ms);
        }
        long bestBaseline = Long.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            JavaParser parser = new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21).setStoreTokens(true));
            long t0 = System.nanoTime();
            int ok = 0;
            for (SourceFile f : files) {
                if (parser.parse(Files.readString(f.absolute())).isSuccessful()) {
                    ok++;
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            bestBaseline = Math.min(bestBaseline, ms);
            System.out.printf("PERF baseline run %d: parse all %d files (%d ok), %d ms%n", run, files.size(), ok, ms);
        }
        System.out.printf("PERF best: ingest %d ms, parse-all baseline %d ms%n", best, bestBaseline);
    }
}
