package dev.faultline.ingest;

import java.util.List;

/**
 * Reads source files that must be seen together (Java code: a tool's body calls into other
 * classes). Discovery hands it every file it {@link #wants}; it records each file's status itself.
 */
public interface ProjectIngester {

    /** The kind recorded for files this ingester reads. */
    String kind();

    /** True for files this ingester reads (by extension and, cheaply, by content). */
    boolean wants(SourceFile file);

    /** Reads the files; per-file problems go to {@link ModelBuilder#failed} and the rest goes on. */
    void ingest(List<SourceFile> files, ModelBuilder model);
}
