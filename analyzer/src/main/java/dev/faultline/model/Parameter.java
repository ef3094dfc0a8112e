package dev.faultline.model;

import dev.faultline.report.Location;

/** A tool parameter the model fills in: its name, JSON type and the documentation the model reads. */
public record Parameter(String name, String type, String description, Location location) {
}
