package dev.faultline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line in a test: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    /** Runs {@code args} on the command line {@link Main} builds for them. */
    static CliRun run(String... args) {
        return run(FaultlineCommand.commandLineFor(args), args);
    }

    /** Runs {@code args} on {@code cl}. */
    static CliRun run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
