package dev.faultline.cli;

import dev.faultline.harness.ExpectationHarness;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline test DIR}: check fixture folders against their expectation markers. */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Scan each case folder under DIR (a folder with faultline.yaml or expect.yaml) and check that the "
                + "findings are exactly those its // expect: markers and expect.yaml claim.",
        footer = ExitCodes.HELP)
public final class TestCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders holding cases.")
    List<Path> dirs;

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ExpectationHarness harness = new ExpectationHarness(scan.pipeline());
        int passed = 0;
        int failed = 0;
        for (Path dir : dirs) {
            for (Path c : ExpectationHarness.cases(dir)) {
                ExpectationHarness.Outcome o = harness.check(c);
                if (o.passed()) {
                    passed++;
                    out.printf("PASS %s (%d findings, %d markers)%n", c, o.findings().size(), o.markers().size());
                } else {
                    failed++;
                    out.printf("FAIL %s%n", c);
                    o.failures().forEach(f -> out.printf("  %s%n", f));
                }
            }
        }
        out.printf("%d passed, %d failed%n", passed, failed);
        out.flush();
        return failed == 0 && passed > 0 ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }
}
