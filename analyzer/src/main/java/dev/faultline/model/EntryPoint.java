package dev.faultline.model;

import dev.faultline.report.Location;

/** A way work reaches an agent; {@code untrusted} when an outsider can write what arrives (email, ticket, web hook). */
public record EntryPoint(String name, boolean untrusted, String description, Location location) {
}
