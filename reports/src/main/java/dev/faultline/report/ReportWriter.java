package dev.faultline.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a {@link Report} in one format. Output must be byte-identical for equal reports. */
public interface ReportWriter {

    /** The format name used on the command line ({@code json}, {@code md}, {@code sarif}, ...). */
    String format();

    /** Writes the report; the caller owns and closes {@code out}. */
    void write(Report report, Writer out) throws IOException;
}
