package dev.faultline.cli;

import dev.faultline.lock.CapabilityLock;
import dev.faultline.report.Report;
import java.io.PrintWriter;
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

/** {@code faultline lock}: write {@code faultline.lock}, the agent's authority as reviewable text. */
@Command(name = "lock", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Write PATH/faultline.lock: agents, tools with class and flags, credentials, servers and finding keys, "
                + "one sorted fact per line. Commit it and own it in CODEOWNERS; `faultline check` fails when it is stale.",
        footer = LockCommand.HELP)
public final class LockCommand implements Callable<Integer> {
    /** The exit-code section of {@code lock --help}. */
    static final String HELP = "%nExit codes:%n"
            + "  0  the lock was written%n"
            + "  1  internal error%n"
            + "  2  usage error%n"
            + "  5  some inputs could not be read: no lock written%n"
            + "     (unless --ignore-failed-inputs)%n";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "The project folder (default: the current folder).")
    Path path = Path.of(".");

    @Mixin
    ScanOptions scan;

    @Option(names = "--ignore-failed-inputs", description = "Write the lock even when some inputs could not be read.")
    boolean ignoreFailedInputs;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(path)) {
            throw new CommandLine.ParameterException(spec.commandLine(), path + " is not a folder");
        }
        Report report = scan.pipeline().scan(List.of(path)).report();
        if (failed(report, ignoreFailedInputs, spec.commandLine().getErr())) {
            return ExitCodes.INPUTS_FAILED;
        }
        Path lock = path.resolve(CapabilityLock.FILE_NAME);
        Files.writeString(lock, CapabilityLock.render(report), StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + lock.toString().replace('\\', '/') + ": " + report.agents().size() + " agents, "
                + report.tools().size() + " tools, " + report.credentials().size() + " credentials, " + report.servers().size()
                + " servers, " + report.activeFindings().size() + " findings");
        out.flush();
        return ExitCodes.CLEAN;
    }

    /** Prints failed inputs and says whether they stop the command. */
    static boolean failed(Report report, boolean ignore, PrintWriter err) {
        report.inputs().stream().filter(i -> i.status() == dev.faultline.report.InputStatus.FAILED)
                .forEach(i -> err.println("faultline: " + (i.location().hasRegion() ? i.location().display() : i.path()) + ": " + i.reason()));
        err.flush();
        return report.hasFailedInputs() && !ignore;
    }
}
