package dev.faultline.model;

import dev.faultline.report.Location;

/**
 * Data-plane text bound to an agent: a system message, an instruction, a user template, a
 * few-shot file. {@code role} is {@code system}, {@code user} or {@code instruction}.
 */
public record Prompt(String agent, String role, String text, Location location) {
}
