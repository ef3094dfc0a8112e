package dev.faultline.report;

/** A place that takes part in a finding without being its primary location (e.g. one tool of a composition). */
public record RelatedLocation(Location location, String message) {
}
