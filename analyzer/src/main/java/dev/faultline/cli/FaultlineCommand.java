package dev.faultline.cli;

import dev.faultline.pipeline.Version;
import dev.faultline.rules.RuleFileException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code faultline}: the top-level command; does nothing but list its subcommands. */
@Command(name = "faultline", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Threat-model compiler for AI agents: reads tool schemas, MCP configs and agent code, "
                + "and reports what the agent can do.",
        subcommands = {ScanCommand.class, ExplainCommand.class, RulesCommand.class, TestCommand.class, BaselineCommand.class,
                InitCommand.class, GraphCommand.class, DiffCommand.class, LockCommand.class, CheckCommand.class,
                CodeownersCommand.class, HistoryCommand.class, picocli.AutoComplete.GenerateCompletion.class,
                CommandLine.HelpCommand.class},
        footer = ExitCodes.HELP)
public final class FaultlineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: usage errors exit 2, unexpected exceptions exit 1 with a one-line message. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FaultlineCommand());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INTERNAL_ERROR);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof RuleFileException) {
                err.println("faultline: invalid rule file: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            err.println("faultline: internal error: " + e);
            if (System.getenv("FAULTLINE_DEBUG") != null) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.println(trace);
            } else {
                err.println("  (set FAULTLINE_DEBUG=1 for the stack trace, and please report it)");
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        return cl;
    }

    /** Reads the version from the build. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"faultline " + Version.current()};
        }
    }
}
