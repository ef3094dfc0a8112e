package dev.faultline.cli;

import dev.faultline.baseline.Baseline;
import dev.faultline.pipeline.ScanResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline baseline}: record today's findings so {@code scan --baseline} shows only new ones. */
@Command(name = "baseline", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Write the keys of the current findings to a baseline file; `scan --baseline FILE` then reports only new findings.",
        footer = ExitCodes.HELP)
public final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders or files to scan (default: .).")
    List<Path> paths = List.of(Path.of("."));

    @Mixin
    ScanOptions scan;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Baseline file to write (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("faultline-baseline.tsv");

    @Override
    public Integer call() throws Exception {
        ScanResult result = scan.pipeline().scan(paths);
        Baseline baseline = Baseline.of(result.report().findings());
        Files.writeString(output, baseline.text(), StandardCharsets.UTF_8);
        spec.commandLine().getOut().printf("wrote %d findings to %s%n", baseline.entries().size(), output);
        spec.commandLine().getOut().flush();
        return result.report().hasFailedInputs() ? ExitCodes.INPUTS_FAILED : ExitCodes.CLEAN;
    }
}
