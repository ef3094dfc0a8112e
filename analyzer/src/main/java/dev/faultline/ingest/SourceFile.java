package dev.faultline.ingest;

import java.nio.file.Path;

/**
 * A file found by discovery: {@code path} is relative to the scanned root with {@code /}
 * separators (what every output shows), {@code absolute} is where to read it, never printed.
 */
public record SourceFile(String path, Path absolute, long size) implements Comparable<SourceFile> {

    /** The file name without folders. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The folder part of the path ({@code ""} at the root). */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The lower-case extension without the dot ({@code ""} if none). */
    public String extension() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int compareTo(SourceFile other) {
        return path.compareTo(other.path);
    }
}
