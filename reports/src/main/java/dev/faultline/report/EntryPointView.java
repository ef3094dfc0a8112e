package dev.faultline.report;

/** A way work reaches an agent (inbound email, ticket webhook, chat), and whether outsiders can write it. */
public record EntryPointView(String name, String trust, String description, Location location) {
}
