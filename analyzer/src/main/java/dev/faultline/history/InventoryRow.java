package dev.faultline.history;

import java.util.Optional;

/**
 * One item of today's authority (a tool, credential, server or approval gate) with its blast
 * radius, a short detail, the commit that last added it and its age in days relative to HEAD's
 * commit date. {@code origin} is empty when it predates the walked range; the age is then a lower
 * bound ({@code atLeast}).
 */
public record InventoryRow(String category, String subject, String blastRadius, String detail, Optional<CommitRef> origin,
                           long ageDays, boolean atLeast) {
}
