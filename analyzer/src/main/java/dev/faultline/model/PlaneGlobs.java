package dev.faultline.model;

import java.util.List;

/**
 * A manifest's {@code planes:} override: path globs (relative to the manifest's folder) whose files
 * are data plane or control plane, whatever the built-in plane rows say.
 */
public record PlaneGlobs(List<String> data, List<String> control) {

    public PlaneGlobs {
        data = List.copyOf(data);
        control = List.copyOf(control);
    }

    /** No override. */
    public static PlaneGlobs none() {
        return new PlaneGlobs(List.of(), List.of());
    }
}
