package dev.faultline.cli;

import dev.faultline.report.DotGraphWriter;
import dev.faultline.report.GraphRenderer;
import dev.faultline.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the capability graph of a change ({@code diff --graph FILE}): DOT, or SVG/PNG by the file's extension. */
final class DiffGraph {
    private DiffGraph() {
    }

    /** Draws base versus head into {@code file}; rendering happens in memory first, so no partial file is left. */
    static void write(Report base, Report head, Path file) throws IOException {
        StringWriter dot = new StringWriter();
        new DotGraphWriter().writeDiff(base, head, dot);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (name.endsWith(".svg") || name.endsWith(".png")) {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            new GraphRenderer().render(dot.toString(), name.endsWith(".svg") ? GraphRenderer.Format.SVG : GraphRenderer.Format.PNG, buffer);
            bytes = buffer.toByteArray();
        } else {
            bytes = dot.toString().getBytes(StandardCharsets.UTF_8);
        }
        OutputFile.write(bytes, file);
    }
}
