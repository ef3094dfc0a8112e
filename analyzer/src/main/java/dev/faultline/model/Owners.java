package dev.faultline.model;

import java.util.List;

/** Who owns each plane's gate (CODEOWNERS handles such as {@code @acme/security}). */
public record Owners(List<String> controlPlane, List<String> dataPlane) {

    public Owners {
        controlPlane = List.copyOf(controlPlane);
        dataPlane = List.copyOf(dataPlane);
    }

    /** No owners declared. */
    public static Owners none() {
        return new Owners(List.of(), List.of());
    }
}
