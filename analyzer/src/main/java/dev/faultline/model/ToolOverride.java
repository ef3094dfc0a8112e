package dev.faultline.model;

import dev.faultline.report.Location;
import java.util.Optional;

/** A user's correction of a tool's classification, with the mandatory reason; it wins over every other fact. */
public record ToolOverride(
        String toolPattern,
        Optional<BlastRadius> blastRadius,
        Optional<Boolean> untrustedOutput,
        Optional<Boolean> privateData,
        String reason,
        Location location) {
}
