package dev.faultline.cli;

import dev.faultline.pipeline.Version;
import dev.faultline.rules.RuleFileException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code faultline}: the top-level command; does nothing but list its subcommands.
 *
 * <p>Picocli builds the model of every registered command by reflection when the command line is
 * created, which is a good part of a short run's start-up; so {@link #commandLineFor(String...)} registers
 * only the subcommand the arguments name, when they name one of Faultline's own.
 */
@Command(name = "faultline", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Threat-model compiler for AI agents: reads tool schemas, MCP configs and agent code, "
                + "and reports what the agent can do.",
        footer = ExitCodes.HELP)
public final class FaultlineCommand implements Runnable {
    /** One of Faultline's own subcommands: the name its {@code @Command} gives it, and its class. */
    record Subcommand(String name, Class<?> type) {
    }

    /** Faultline's own subcommands, in the order the usage help lists them (picocli's two built-ins follow). */
    static final List<Subcommand> OWN_SUBCOMMANDS = List.of(new Subcommand("scan", ScanCommand.class),
            new Subcommand("explain", ExplainCommand.class), new Subcommand("rules", RulesCommand.class),
            new Subcommand("test", TestCommand.class), new Subcommand("baseline", BaselineCommand.class),
            new Subcommand("init", InitCommand.class), new Subcommand("graph", GraphCommand.class),
            new Subcommand("diff", DiffCommand.class), new Subcommand("lock", LockCommand.class),
            new Subcommand("check", CheckCommand.class), new Subcommand("codeowners", CodeownersCommand.class),
            new Subcommand("history", HistoryCommand.class));

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The configured command line with every subcommand: usage errors exit 2, unexpected exceptions exit 1
     * with a one-line message.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FaultlineCommand());
        for (Subcommand s : OWN_SUBCOMMANDS) {
            cl.addSubcommand(s.type());
        }
        cl.addSubcommand(AutoComplete.GenerateCompletion.class);
        cl.addSubcommand(CommandLine.HelpCommand.class);
        return configure(cl);
    }

    /**
     * The configured command line for running {@code args}: when the first argument names one of Faultline's
     * own subcommands, only that subcommand is registered, since parsing and running it need no other
     * (a subcommand's arguments are parsed by that subcommand alone); otherwise, as for top-level help,
     * {@code help}, {@code generate-completion} or an unknown name, the full {@link #commandLine()}.
     */
    public static CommandLine commandLineFor(String... args) {
        if (args.length > 0) {
            for (Subcommand s : OWN_SUBCOMMANDS) {
                if (s.name().equals(args[0])) {
                    CommandLine cl = new CommandLine(new FaultlineCommand());
                    cl.addSubcommand(s.type());
                    return configure(cl);
                }
            }
        }
        return commandLine();
    }

    private static CommandLine configure(CommandLine cl) {
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
