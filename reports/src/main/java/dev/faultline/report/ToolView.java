package dev.faultline.report;

import java.util.List;

/**
 * A tool as reported: what the model can call, how bad it is when it misfires, and why we think so.
 * {@code id} is {@code toolset/name}, unique in a report; {@code toolset} is the MCP server, API or
 * class that provides it; {@code origin} the format or framework it was read from.
 * {@code provenance} is the provenance of the evidence that decided {@code blastRadius}.
 */
public record ToolView(
        String id,
        String name,
        String toolset,
        String origin,
        String description,
        Location location,
        String blastRadius,
        String provenance,
        boolean untrustedOutput,
        boolean privateData,
        boolean approvalRequired,
        List<String> parameters,
        List<String> capabilities,
        List<String> credentials,
        List<String> agents,
        List<Evidence> evidence) {

    public ToolView {
        parameters = List.copyOf(parameters);
        capabilities = List.copyOf(capabilities);
        credentials = List.copyOf(credentials);
        agents = List.copyOf(agents);
        evidence = List.copyOf(evidence);
    }

    /** The flags that are set, in words: untrusted output, private data, approval required. */
    public List<String> flagNames() {
        List<String> flags = new java.util.ArrayList<>();
        if (untrustedOutput) {
            flags.add("untrusted output");
        }
        if (privateData) {
            flags.add("private data");
        }
        if (approvalRequired) {
            flags.add("approval required");
        }
        return flags;
    }
}
