package dev.faultline.cli;

/** Entry point of {@code faultline.jar}; the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(FaultlineCommand.commandLineFor(args).execute(args));
    }
}
