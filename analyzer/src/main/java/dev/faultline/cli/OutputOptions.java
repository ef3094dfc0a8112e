package dev.faultline.cli;

import dev.faultline.report.DotGraphWriter;
import dev.faultline.report.GraphRenderer;
import dev.faultline.report.GraphRenderingException;
import dev.faultline.report.HtmlReportWriter;
import dev.faultline.report.JsonReportWriter;
import dev.faultline.report.MarkdownReportWriter;
import dev.faultline.report.Report;
import dev.faultline.report.ReportWriter;
import dev.faultline.report.SarifReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --output}, shared by the commands that write a report, and the
 * writing itself. Text formats (md, json, sarif, dot, html, svg) go to standard output or the file;
 * png is binary and needs {@code --output}. Without {@code --format}, an {@code --output} file whose
 * extension names a format chooses it ({@code -o graph.svg}). Everything is produced in memory
 * first, so a format that cannot be rendered leaves no partial file behind.
 */
public final class OutputOptions {
    /** The formats of {@code faultline scan}, the default first. */
    public static final List<String> SCAN_FORMATS = List.of("md", "json", "sarif", "dot", "html", "svg", "png");
    /** The formats of {@code faultline graph}, the default first. */
    public static final List<String> GRAPH_FORMATS = List.of("dot", "svg", "png");
    /** The writers of the text formats; html draws its graph with {@link #renderer}. */
    public static final List<ReportWriter> WRITERS = List.of(new JsonReportWriter(), new MarkdownReportWriter(),
            new SarifReportWriter(), new DotGraphWriter());

    /** How the CLI draws graphs; tests swap it to act as a machine without Graphviz. */
    static Supplier<GraphRenderer> renderer = GraphRenderer::new;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "md, json, sarif, dot, html, svg or png (default: md, or what the --output extension names). "
                    + "png needs --output.")
    Optional<String> format = Optional.empty();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Optional<Path> output = Optional.empty();

    /** The chosen scan format, checked; a usage error for an unknown one or png without a file. */
    String format(CommandLine cl) {
        return resolve(cl, format, output, SCAN_FORMATS);
    }

    /**
     * {@code format}, else the extension of {@code output} when it is one of {@code formats}, else the
     * first of {@code formats}; checked against {@code formats}.
     */
    static String resolve(CommandLine cl, Optional<String> format, Optional<Path> output, List<String> formats) {
        String chosen = format.map(f -> f.toLowerCase(Locale.ROOT))
                .or(() -> output.map(OutputOptions::extension).filter(formats::contains))
                .orElse(formats.get(0));
        if (!formats.contains(chosen)) {
            throw new CommandLine.ParameterException(cl, "unknown --format '" + format.orElse(chosen) + "' ("
                    + String.join(", ", formats) + ")");
        }
        if (chosen.equals("png") && output.isEmpty()) {
            throw new CommandLine.ParameterException(cl,
                    "--format png writes binary data: give a file with --output FILE (or use --format svg)");
        }
        return chosen;
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "markdown" -> "md";
            case "htm" -> "html";
            case "gv" -> "dot";
            default -> ext;
        };
    }

    /**
     * The writer for a text format that a {@link ReportWriter} renders alone (json, md, sarif, dot),
     * chosen as {@link #resolve} would; empty for html, svg, png or an unknown format.
     */
    public Optional<ReportWriter> writer() {
        String chosen = format.map(f -> f.toLowerCase(Locale.ROOT))
                .or(() -> output.map(OutputOptions::extension).filter(SCAN_FORMATS::contains))
                .orElse(SCAN_FORMATS.get(0));
        return WRITERS.stream().filter(w -> w.format().equals(chosen)).findFirst();
    }

    /** Renders the report with {@code writer} to the output file or {@code out}. */
    public void write(Report report, ReportWriter writer, PrintWriter out) throws IOException {
        emit(text(report, writer), output, out);
    }

    /** Writes the report in the format {@link #format(CommandLine)} chose. */
    void write(Report report, String chosen, CommandLine cl) throws IOException {
        emit(render(report, chosen, cl.getErr()), output, cl.getOut());
    }

    /**
     * The report in {@code format} as bytes: SVG and PNG drawn by {@link #renderer}, HTML with its graph
     * drawn or, when nothing can draw it, with the DOT source and a note on {@code err}.
     *
     * @throws GraphRenderingException when svg or png cannot be rendered here
     */
    static byte[] render(Report report, String format, PrintWriter err) throws IOException {
        return switch (format) {
            case "svg", "png" -> {
                ByteArrayOutputStream image = new ByteArrayOutputStream();
                renderer.get().render(dot(report), format.equals("svg") ? GraphRenderer.Format.SVG : GraphRenderer.Format.PNG,
                        image);
                yield image.toByteArray();
            }
            case "html" -> text(report, new HtmlReportWriter(drawing(err)));
            default -> text(report, WRITERS.stream().filter(w -> w.format().equals(format)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no writer for " + format)));
        };
    }

    /** The SVG the renderer draws for a report; empty, with a note on {@code err}, when it cannot. */
    private static Function<Report, Optional<String>> drawing(PrintWriter err) {
        return report -> {
            try {
                return Optional.of(renderer.get().renderSvg(dot(report)));
            } catch (GraphRenderingException | IOException e) {
                err.println("faultline: note: the HTML report shows the graph as DOT source: " + e.getMessage());
                err.flush();
                return Optional.empty();
            }
        };
    }

    static String dot(Report report) throws IOException {
        StringWriter dot = new StringWriter();
        new DotGraphWriter().write(report, dot);
        return dot.toString();
    }

    private static byte[] text(Report report, ReportWriter writer) throws IOException {
        StringWriter s = new StringWriter();
        writer.write(report, s);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code bytes} to the file, creating its folder, or as UTF-8 text to {@code out}. */
    static void emit(byte[] bytes, Optional<Path> output, PrintWriter out) throws IOException {
        if (output.isPresent()) {
            OutputFile.write(bytes, output.get());
        } else {
            OutputFile.write(new String(bytes, StandardCharsets.UTF_8), Optional.empty(), out);
        }
    }
}
