package dev.faultline.model;

import dev.faultline.report.Location;
import java.util.List;

/**
 * An agent as declared by a manifest or by code, before its tool patterns are resolved.
 * {@code toolPatterns} are tool ids, {@code toolset/*} or bare names ({@code *} allowed);
 * {@code calls} names agents this one calls as tools or hands off to; {@code scope} is the folder
 * (relative, {@code ""} for the root) whose tools the patterns may match; {@code declaredBy} is
 * {@code manifest} or the framework that declared it in code.
 */
public record AgentDecl(
        String name,
        String description,
        Location location,
        List<EntryPoint> entryPoints,
        List<String> toolPatterns,
        List<String> calls,
        String scope,
        String declaredBy) {

    public AgentDecl {
        entryPoints = List.copyOf(entryPoints);
        toolPatterns = List.copyOf(toolPatterns);
        calls = List.copyOf(calls);
    }
}
