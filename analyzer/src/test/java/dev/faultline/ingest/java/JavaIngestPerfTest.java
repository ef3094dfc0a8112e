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
    /** CPU time of the measuring thread (the ingester is single-threaded): steadier than wall time on a shared machine. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    @Test
    void measure() throws Exception {
        Path root = Path.of(System.getProperty("faultline.perf.dir"));
        List<SourceFile> files = JavaFixtures.files(root).stream().filter(f -> f.extension().equals("java")).toList();
        // best of RUNS: the first run also pays for class loading and JIT; the minimum is the least disturbed by other load
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            long t0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            ModelBuilder builder = new ModelBuilder();
            new JavaSourceIngester(JavaFixtures.CATALOG).ingest(files, builder);
            AgentModel m = builder.build();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpuMs = (CPU.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
            best = Math.min(best, ms);
            bestCpu = Math.min(bestCpu, cpuMs);
            long parsed = m.inputs().stream().filter(i -> i.status() == InputStatus.SCANNED).count();
            System.out.printf("PERF run %d: ingest %d files, parsed %d, tools %d, %d ms (%d ms CPU)%n", run, files.size(), parsed,
                    m.tools().size(), ms, cpuMs);
        }
        long bestBaseline = Long.MAX_VALUE;
        long bestBaselineCpu = Long.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            JavaParser parser = new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21).setStoreTokens(true));
            long t0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            int ok = 0;
            for (SourceFile f : files) {
                if (parser.parse(Files.readString(f.absolute())).isSuccessful()) {
                    ok++;
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpuMs = (CPU.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
            bestBaseline = Math.min(bestBaseline, ms);
            bestBaselineCpu = Math.min(bestBaselineCpu, cpuMs);
            System.out.printf("PERF baseline run %d: parse all %d files (%d ok), %d ms (%d ms CPU)%n", run, files.size(), ok, ms, cpuMs);
        }
        System.out.printf("PERF best: ingest %d ms (%d ms CPU), parse-all baseline %d ms (%d ms CPU)%n",
                best, bestCpu, bestBaseline, bestBaselineCpu);
    }
}
