package dev.faultline.model;

import dev.faultline.report.Location;
import java.util.List;

/**
 * A resolved agent: the ids of the tools it can call and the agents it calls. {@code declared} is
 * false for the agent Faultline assumes when nothing declares one.
 */
public record Agent(
        String name,
        String description,
        boolean declared,
        Location location,
        List<EntryPoint> entryPoints,
        List<String> tools,
        List<String> calls) implements Comparable<Agent> {

    public Agent {
        entryPoints = List.copyOf(entryPoints);
        tools = List.copyOf(tools);
        calls = List.copyOf(calls);
    }

    @Override
    public int compareTo(Agent other) {
        return name.compareTo(other.name);
    }
}
