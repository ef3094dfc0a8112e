package dev.faultline.model;

import dev.faultline.report.FlowStep;
import dev.faultline.report.Location;
import java.util.List;

/**
 * A raw fact an ingester saw about a tool, before any model row interprets it: an MCP annotation
 * ({@code mcp-annotation}, {@code readOnlyHint=true}), an HTTP method ({@code http-method},
 * {@code DELETE}), an API call in a tool body ({@code call}, {@code jakarta.mail.Transport#send})
 * with the call chain that reaches it. Name words and descriptions are read by the classifier itself.
 */
public record Signal(String kind, String value, Location location, List<FlowStep> chain) {

    public Signal {
        chain = List.copyOf(chain);
    }

    /** A signal with no call chain. */
    public static Signal of(String kind, String value, Location location) {
        return new Signal(kind, value, location, List.of());
    }
}
