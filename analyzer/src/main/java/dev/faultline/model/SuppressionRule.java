package dev.faultline.model;

import dev.faultline.report.Location;

/** A finding silenced from the manifest: rule id, key pattern ({@code *} allowed) and the mandatory reason. */
public record SuppressionRule(String ruleId, String keyPattern, String reason, Location location) {
}
