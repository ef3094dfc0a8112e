package dev.faultline.cli;

import dev.faultline.history.History;
import dev.faultline.history.HistoryHtmlWriter;
import dev.faultline.history.HistoryJsonWriter;
import dev.faultline.history.HistoryMarkdownWriter;
import dev.faultline.history.HistoryWalker;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline history}: when the agent gained each capability, in which commit. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = {"Walk the git history of the repository holding PATH (read-only; first parent from HEAD unless --all), "
                + "compile every commit that touched the control plane, and report when each tool, credential, MCP server and "
                + "approval gate was added, widened or removed, when each taint path or composition opened and closed, and "
                + "today's authority with its age and origin commit."},
        footer = "%nExit codes:%n  0  the history was written%n  1  internal error%n"
                + "  2  usage error (also: not a git repository, unknown --since)%n")
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "A folder in a git repository (default: .).")
    Optional<Path> path = Optional.empty();

    @Option(names = "--since", paramLabel = "REV|DATE",
            description = "Only commits after this revision, or since this date (2025-01-31 or 2025-01-31T12:00:00Z).")
    Optional<String> since = Optional.empty();

    @Option(names = "--all", description = "Every commit reachable from HEAD, each compared with its first parent (default: first parent only).")
    boolean all;

    @Mixin
    ScanOptions scan;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "md (an audit ticket), json or html (default: ${DEFAULT-VALUE}).")
    String format = "md";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Optional<Path> output = Optional.empty();

    @Override
    public Integer call() throws Exception {
        if (!List.of("md", "json", "html").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format + "' (md, json, html)");
        }
        Path folder = path.orElse(Path.of("."));
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), folder + " is not a folder");
        }
        History history;
        try {
            history = new HistoryWalker(scan.pipelineReading(folder), scan.maxFileBytes).walk(folder, new HistoryWalker.Options(all, since));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("faultline: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        StringWriter s = new StringWriter();
        switch (format) {
            case "json" -> new HistoryJsonWriter().write(history, s);
            case "html" -> new HistoryHtmlWriter().write(history, s);
            default -> new HistoryMarkdownWriter().write(history, s);
        }
        OutputFile.write(s.toString(), output, spec.commandLine().getOut());
        return ExitCodes.CLEAN;
    }
}
