package dev.faultline.model;

import dev.faultline.report.Location;
import java.util.List;

/**
 * A tool the model can call, as read from a schema or code, before classification.
 * {@code id} is {@code toolset/name}; {@code toolset} is the server, API or class that provides
 * it; {@code origin} is the format or framework ({@code mcp}, {@code openai}, {@code openapi}, ...).
 */
public record Tool(
        String id,
        String toolset,
        String name,
        String origin,
        String description,
        Location location,
        List<Parameter> parameters,
        List<Signal> signals,
        List<CredentialRef> credentials) implements Comparable<Tool> {

    public Tool {
        parameters = List.copyOf(parameters);
        signals = List.copyOf(signals);
        credentials = List.copyOf(credentials);
    }

    /** The id of a tool named {@code name} in {@code toolset}. */
    public static String idOf(String toolset, String name) {
        return toolset + "/" + name;
    }

    /** The same tool with more credentials. */
    public Tool withCredentials(List<CredentialRef> more) {
        List<CredentialRef> all = new java.util.ArrayList<>(credentials);
        all.addAll(more);
        return new Tool(id, toolset, name, origin, description, location, parameters, signals, all);
    }

    @Override
    public int compareTo(Tool other) {
        return id.compareTo(other.id);
    }
}
