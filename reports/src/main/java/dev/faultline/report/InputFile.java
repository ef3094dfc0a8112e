package dev.faultline.report;

/**
 * A file the scan discovered, with what happened to it. {@code kind} names the format it was read
 * as ({@code mcp-tools}, {@code openapi}, ...; {@code ""} when not recognised). {@code reason} says
 * why it was skipped or failed ({@code ""} when scanned); {@code location} points at the offending
 * line where one is known.
 */
public record InputFile(String path, InputStatus status, String kind, String reason, Location location)
        implements Comparable<InputFile> {

    public static InputFile scanned(String path, String kind) {
        return new InputFile(path, InputStatus.SCANNED, kind, "", Location.file(path));
    }

    public static InputFile skipped(String path, String reason) {
        return new InputFile(path, InputStatus.SKIPPED, "", reason, Location.file(path));
    }

    public static InputFile failed(String path, String kind, String reason, Location where) {
        return new InputFile(path, InputStatus.FAILED, kind, reason, where);
    }

    @Override
    public int compareTo(InputFile other) {
        return path.compareTo(other.path);
    }
}
