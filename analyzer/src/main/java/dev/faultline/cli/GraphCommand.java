package dev.faultline.cli;

import dev.faultline.report.GraphRenderingException;
import dev.faultline.report.Report;
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

/** {@code faultline graph}: the capability graph of a tree as DOT, SVG or PNG. */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = FaultlineCommand.VersionProvider.class,
        description = {"Draw the capability graph: agents as clusters with their entry points, tools grouped by server "
                + "and coloured by blast radius, credentials, and taint paths in red.",
                "svg and png use the 'dot' command of Graphviz when it is on the PATH, else the bundled J2V8 engine "
                        + "(Linux x86_64); dot always works."},
        footer = ExitCodes.HELP)
public final class GraphCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders or files to scan (default: the current folder).")
    List<Path> paths = List.of(Path.of("."));

    @Mixin
    ScanOptions scan;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "dot, svg or png (default: dot, or what the --output extension names). png needs --output.")
    Optional<String> format = Optional.empty();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the graph to FILE instead of standard output.")
    Optional<Path> output = Optional.empty();

    @Option(names = "--ignore-failed-inputs", description = "Do not exit 5 when some inputs could not be read.")
    boolean ignoreFailedInputs;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String chosen = OutputOptions.resolve(spec.commandLine(), format, output, OutputOptions.GRAPH_FORMATS);
        Report report = scan.pipeline().scan(paths).report();
        try {
            OutputOptions.emit(OutputOptions.render(report, chosen, err), output, spec.commandLine().getOut());
        } catch (GraphRenderingException e) {
            return ScanCommand.cannotRender(e, err);
        }
        return ScanCommand.exitCode(report, Optional.empty(), ignoreFailedInputs, err);
    }
}
