package dev.faultline.report;

/** One hop of a path (taint path, argument flow, call chain): where it is and what happens there. */
public record FlowStep(Location location, String message) {
}
