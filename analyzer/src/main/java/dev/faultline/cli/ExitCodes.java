package dev.faultline.cli;

/** Process exit codes, listed in every command's {@code --help}. */
public final class ExitCodes {
    /** Nothing at or above the failure threshold, every input read. */
    public static final int CLEAN = 0;
    /** An internal error (a bug in Faultline). */
    public static final int INTERNAL_ERROR = 1;
    /** Bad command-line usage. */
    public static final int USAGE = 2;
    /** Findings at or above {@code --fail-on}. */
    public static final int FINDINGS = 4;
    /** Some inputs could not be read: findings may be missing. */
    public static final int INPUTS_FAILED = 5;

    /** The exit-code section of {@code --help}. */
    public static final String HELP = "%nExit codes:%n"
            + "  0  clean: no finding at or above --fail-on, every input read%n"
            + "  1  internal error%n"
            + "  2  usage error, or a graph format that cannot be rendered here (use --format dot)%n"
            + "  4  findings at or above --fail-on%n"
            + "  5  some inputs could not be read (findings may be missing)%n";

    private ExitCodes() {
    }
}
