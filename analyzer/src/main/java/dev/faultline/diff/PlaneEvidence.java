package dev.faultline.diff;

import dev.faultline.report.Location;

/**
 * Why a change is on a plane: {@code detail} says it in words, {@code rule} names the plane row,
 * model row or manifest key that decided ({@code ""} when none), {@code location} points at the
 * deciding fact (the tool declaration, the prompt, the file itself).
 */
public record PlaneEvidence(Plane plane, String detail, String rule, Location location) {
}
