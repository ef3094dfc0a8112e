package dev.faultline.harness;

/**
 * An expectation written next to a fixture: {@code expect} (this finding must be reported here),
 * {@code ok} (no finding of this rule here), {@code expect-missing} (a known false negative: must
 * not be reported yet), {@code expect-spurious} (a known false positive: is reported, claimed).
 * {@code key} is {@code ""} when not given; {@code line} 0 for sidecar markers without a line.
 * {@code blockEnd} is the last line of the run of consecutive marker lines this one belongs to:
 * stacked markers all apply to the code just below the stack.
 */
public record Marker(String kind, String ruleId, String key, String path, int line, int blockEnd, boolean inline) {

    /** Where the marker is written. */
    public String where() {
        return line > 0 ? path + ":" + line : path;
    }
}
