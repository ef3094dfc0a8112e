package dev.faultline.model;

import dev.faultline.report.Location;
import java.util.List;

/**
 * A credential a tool needs: {@code kind} is {@code env} (environment variable), {@code header}
 * (HTTP header), {@code scope} (OAuth scope set of a security scheme) or {@code config}
 * (a configuration property). {@code inlineSecret} is true when the secret value itself is written
 * in the scanned file.
 */
public record CredentialRef(String name, String kind, List<String> scopes, Location location, boolean inlineSecret) {

    public CredentialRef {
        scopes = List.copyOf(scopes);
    }
}
