package dev.faultline.report;

import java.util.List;

/**
 * An agent as reported: the tools it can call, the agents it calls or hands off to, and the entry
 * points that start it. {@code declared} is false for an agent Faultline assumed (no manifest).
 */
public record AgentView(
        String name,
        String description,
        boolean declared,
        Location location,
        List<EntryPointView> entryPoints,
        List<String> tools,
        List<String> calls) {

    public AgentView {
        entryPoints = List.copyOf(entryPoints);
        tools = List.copyOf(tools);
        calls = List.copyOf(calls);
    }
}
