package dev.faultline.cli;

import dev.faultline.baseline.Baseline;
import dev.faultline.baseline.BaselineFilter;
import dev.faultline.pipeline.ScanResult;
import dev.faultline.report.GraphRenderingException;
import dev.faultline.report.InputFile;
import dev.faultline.report.InputStatus;
import dev.faultline.report.Report;
import dev.faultline.report.Severity;
import java.io.PrintWriter;
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

/** {@code faultline scan}: compile a tree and report its tools, agents and findings. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = "Scan folders or files and report each tool's blast radius, taint paths and other findings.",
        footer = ExitCodes.HELP)
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders or files to scan (default: the current folder).")
    List<Path> paths = List.of(Path.of("."));

    @Mixin
    ScanOptions scan;

    @Mixin
    OutputOptions output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 4 when a finding is at least this severe: note, low, medium, high, critical, or none (default: ${DEFAULT-VALUE}).")
    String failOn = "high";

    @Option(names = "--ignore-failed-inputs", description = "Do not exit 5 when some inputs could not be read.")
    boolean ignoreFailedInputs;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr (the exit code still tells).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also list on stderr every input and what happened to it.")
    boolean verbose;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not in this baseline (see `faultline baseline`).")
    Optional<Path> baseline = Optional.empty();

    @Option(names = "--also", paramLabel = "FORMAT=FILE",
            description = "Also write the report in FORMAT (md, json, sarif, dot, html, svg, png) to FILE, from the same scan. Repeatable.")
    java.util.Map<String, Path> also = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String format = output.format(spec.commandLine());
        for (String extra : also.keySet()) {
            if (!OutputOptions.SCAN_FORMATS.contains(extra)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown --also format '" + extra + "' ("
                        + String.join(", ", OutputOptions.SCAN_FORMATS) + ")");
            }
        }
        Optional<Severity> threshold;
        try {
            threshold = failOn.equals("none") ? Optional.empty() : Optional.of(Severity.parse(failOn));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        dev.faultline.ingest.Progress progress = quiet ? dev.faultline.ingest.Progress.NONE : dev.faultline.ingest.Progress.onTerminal();
        ScanResult result;
        try {
            result = scan.pipeline().scan(paths, progress);
        } finally {
            progress.done();
        }
        Report report = baseline.isPresent() ? BaselineFilter.apply(result.report(), Baseline.read(baseline.get()),
                baseline.get().getFileName().toString()) : result.report();
        try {
            output.write(report, format, spec.commandLine());
            for (java.util.Map.Entry<String, Path> extra : also.entrySet()) {
                OutputOptions.emit(OutputOptions.render(report, extra.getKey(), err), Optional.of(extra.getValue()), spec.commandLine().getOut());
            }
        } catch (GraphRenderingException e) {
            return cannotRender(e, err);
        }
        if (verbose && !quiet) {
            report.inputs().forEach(in -> err.println("faultline: " + in.status().id() + " " + in.path()
                    + (in.kind().isEmpty() ? "" : " (" + in.kind() + ")") + (in.reason().isEmpty() ? "" : ": " + in.reason())));
            scan.cache().ifPresent(c -> err.println("faultline: facts cache " + c.folder().map(String::valueOf).orElse("in memory") + ": " + c.hits()
                    + " framework files reused, " + c.misses() + " read"));
        }
        return exitCode(report, threshold, ignoreFailedInputs, quiet ? new PrintWriter(java.io.Writer.nullWriter()) : err);
    }

    /** Says why the graph cannot be drawn here and what to do; a usage error, since {@code --format dot} works. */
    static int cannotRender(GraphRenderingException e, PrintWriter err) {
        err.println("faultline: " + e.getMessage());
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Prints input problems to {@code err} and decides the exit code. */
    static int exitCode(Report report, Optional<Severity> threshold, boolean ignoreFailedInputs, PrintWriter err) {
        for (InputFile in : report.inputs()) {
            if (in.status() == InputStatus.FAILED) {
                err.println("faultline: " + (in.location().hasRegion() ? in.location().display() : in.path()) + ": " + in.reason());
            }
        }
        if (report.inputs().stream().noneMatch(i -> i.status() == InputStatus.SCANNED)) {
            err.println("faultline: nothing to scan: no tool schema, MCP config, manifest or agent source was found");
        }
        err.flush();
        if (report.hasFailedInputs() && !ignoreFailedInputs) {
            return ExitCodes.INPUTS_FAILED;
        }
        if (threshold.isPresent() && report.activeFindings().stream().anyMatch(f -> f.severity().atLeast(threshold.get()))) {
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.CLEAN;
    }
}
