package dev.faultline.report;

import java.util.List;

/**
 * A secret or scope that gives tools their authority: an environment variable, an HTTP header,
 * an OAuth scope. {@code kind} is {@code env}, {@code header}, {@code scope} or {@code config}.
 */
public record CredentialView(String name, String kind, Location location, List<String> scopes, List<String> tools) {

    public CredentialView {
        scopes = List.copyOf(scopes);
        tools = List.copyOf(tools);
    }
}
