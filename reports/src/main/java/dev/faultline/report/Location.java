package dev.faultline.report;

import java.util.Comparator;

/**
 * A place in a scanned file: a repository-relative path with {@code /} separators, a 1-based
 * region (0 where unknown) and, inside JSON or YAML, a JSON Pointer to the node ({@code ""} when
 * none).
 */
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn, String pointer)
        implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::path)
            .thenComparingInt(Location::startLine)
            .thenComparingInt(Location::startColumn)
            .thenComparing(Location::pointer);

    public Location {
        if (path == null || pointer == null) {
            throw new IllegalArgumentException("path and pointer must not be null");
        }
        if (endLine < startLine) {
            endLine = startLine;
        }
        if (endLine == startLine && endColumn < startColumn) {
            endColumn = startColumn;
        }
    }

    /** A location at one line and column of a file. */
    public static Location at(String path, int line, int column) {
        return new Location(path, line, column, line, column, "");
    }

    /** A whole file, no region known. */
    public static Location file(String path) {
        return new Location(path, 0, 0, 0, 0, "");
    }

    /** The same region, with a JSON Pointer attached. */
    public Location withPointer(String jsonPointer) {
        return new Location(path, startLine, startColumn, endLine, endColumn, jsonPointer);
    }

    /** True when a line is known. */
    public boolean hasRegion() {
        return startLine > 0;
    }

    /** {@code path:line:column}, or just the path when no line is known. */
    public String display() {
        if (!hasRegion()) {
            return path;
        }
        return path + ":" + startLine + (startColumn > 0 ? ":" + startColumn : "");
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }
}
