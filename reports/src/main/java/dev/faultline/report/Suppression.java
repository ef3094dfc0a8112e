package dev.faultline.report;

/**
 * Why a finding was silenced. {@code kind} is {@code inSource} (a comment next to the code) or
 * {@code external} (the project's {@code faultline.yaml}); {@code justification} is the mandatory reason.
 */
public record Suppression(String kind, String justification, Location location) {
}
