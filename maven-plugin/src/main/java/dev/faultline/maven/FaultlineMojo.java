package dev.faultline.maven;

import dev.faultline.cli.FaultlineCommand;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shared plumbing of the Faultline goals: each goal builds the same arguments a user would type,
 * runs the CLI in-process, copies its output to the build log, and fails the build on the CLI's
 * non-zero exit codes, so the plugin and the CLI can never disagree.
 */
abstract class FaultlineMojo extends AbstractMojo {

    /** The folder to analyse. */
    @Parameter(property = "faultline.directory", defaultValue = "${project.basedir}")
    File directory;

    /** Skip the goal. */
    @Parameter(property = "faultline.skip", defaultValue = "false")
    boolean skip;

    /** Extra rule pack folders ({@code --rules}). */
    @Parameter
    List<File> rules = new ArrayList<>();

    /** The CLI arguments of this goal. */
    abstract List<String> arguments();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("faultline: skipped");
            return;
        }
        List<String> args = new ArrayList<>(arguments());
        rules.forEach(r -> {
            args.add("--rules");
            args.add(r.getPath());
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FaultlineCommand.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        out.toString().lines().forEach(getLog()::info);
        err.toString().lines().forEach(getLog()::warn);
        switch (exit) {
            case 0 -> getLog().debug("faultline " + String.join(" ", args) + ": exit 0");
            case 4 -> throw new MojoFailureException("faultline " + args.get(0) + " failed the build (exit 4); see the report above");
            case 5 -> throw new MojoFailureException("faultline " + args.get(0) + ": some inputs could not be read (exit 5)");
            case 2 -> throw new MojoExecutionException("faultline " + args.get(0) + ": usage error (exit 2): " + err.toString().strip());
            default -> throw new MojoExecutionException("faultline " + args.get(0) + ": internal error (exit " + exit + ")");
        }
    }
}
