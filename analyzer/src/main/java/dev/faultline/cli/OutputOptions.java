package dev.faultline.cli;

import dev.faultline.report.DotGraphWriter;
import dev.faultline.report.JsonReportWriter;
import dev.faultline.report.MarkdownReportWriter;
import dev.faultline.report.Report;
import dev.faultline.report.ReportWriter;
import dev.faultline.report.SarifReportWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}, shared by the commands that write a report. */
public final class OutputOptions {
    /** Every writer, by format name. */
    public static final List<ReportWriter> WRITERS = List.of(new JsonReportWriter(), new MarkdownReportWriter(),
            new SarifReportWriter(), new DotGraphWriter());

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "json, md, sarif or dot (default: ${DEFAULT-VALUE}).")
    String format = "md";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Optional<Path> output = Optional.empty();

    /** The writer for {@code --format}, or empty when unknown. */
    public Optional<ReportWriter> writer() {
        return WRITERS.stream().filter(w -> w.format().equals(format)).findFirst();
    }

    /** Renders the report with the chosen writer to the output file or {@code out}. */
    public void write(Report report, ReportWriter writer, PrintWriter out) throws IOException {
        if (output.isPresent()) {
            Path parent = output.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(output.get()), StandardCharsets.UTF_8)) {
                writer.write(report, w);
            }
        } else {
            StringWriter s = new StringWriter();
            writer.write(report, s);
            out.print(s);
            out.flush();
        }
    }
}
