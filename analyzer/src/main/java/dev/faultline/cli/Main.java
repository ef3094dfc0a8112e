package dev.faultline.cli;

import picocli.CommandLine;

/** Entry point of {@code faultline.jar}; the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(FaultlineCommand.commandLine().execute(args));
    }
}
