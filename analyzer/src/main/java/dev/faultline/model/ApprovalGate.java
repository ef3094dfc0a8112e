package dev.faultline.model;

import dev.faultline.report.Location;

/** A human confirmation required before tools matching {@code toolPattern} fire. */
public record ApprovalGate(String toolPattern, String reason, Location location) {
}
