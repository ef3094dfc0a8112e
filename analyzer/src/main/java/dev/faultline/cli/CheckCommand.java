package dev.faultline.cli;

import dev.faultline.lock.CapabilityLock;
import dev.faultline.lock.LockDifference;
import dev.faultline.report.Report;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline check}: fail when the code's authority no longer matches the committed {@code faultline.lock}. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Compare the agent's authority with PATH/faultline.lock and print every fact that differs "
                + "(+ in the code, not in the lock; - in the lock, no longer in the code) and the command that updates the lock.",
        footer = CheckCommand.HELP)
public final class CheckCommand implements Callable<Integer> {
    /** The exit-code section of {@code check --help}. */
    static final String HELP = "%nExit codes:%n"
            + "  0  the lock matches the code%n"
            + "  1  internal error%n"
            + "  2  usage error%n"
            + "  4  the lock is stale or missing: review the difference, then run%n"
            + "     `faultline lock` and commit the lock%n"
            + "  5  some inputs could not be read (the comparison would be incomplete)%n";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "The project folder (default: the current folder).")
    Path path = Path.of(".");

    @Mixin
    ScanOptions scan;

    @Option(names = "--ignore-failed-inputs", description = "Compare even when some inputs could not be read.")
    boolean ignoreFailedInputs;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(path)) {
            throw new CommandLine.ParameterException(spec.commandLine(), path + " is not a folder");
        }
        PrintWriter out = spec.commandLine().getOut();
        Report report = scan.pipeline().scan(List.of(path)).report();
        if (LockCommand.failed(report, ignoreFailedInputs, spec.commandLine().getErr())) {
            return ExitCodes.INPUTS_FAILED;
        }
        Path lock = path.resolve(CapabilityLock.FILE_NAME);
        String update = "faultline lock " + path.toString().replace('\\', '/');
        if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
            out.println("faultline.lock is missing: the agent's authority is not locked.");
            out.println("Create it with `" + update + "` and commit it.");
            out.flush();
            return ExitCodes.FINDINGS;
        }
        LockDifference diff = CapabilityLock.compare(Files.readString(lock, StandardCharsets.UTF_8), report);
        if (diff.isEmpty()) {
            out.println("faultline.lock is up to date.");
            out.flush();
            return ExitCodes.CLEAN;
        }
        out.println("faultline.lock is stale: the agent's authority changed (" + diff.added().size() + " added, "
                + diff.removed().size() + " removed).");
        diff.removed().forEach(l -> out.println("- " + l));
        diff.added().forEach(l -> out.println("+ " + l));
        out.println("If the change is intended, update the lock with `" + update + "` and commit it for security review.");
        out.flush();
        return ExitCodes.FINDINGS;
    }
}
