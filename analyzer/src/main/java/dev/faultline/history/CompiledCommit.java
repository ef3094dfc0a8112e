package dev.faultline.history;

import java.util.List;

/**
 * A commit that touched the control plane and was compiled: the files of its change on each plane,
 * whether it changed both planes at once ({@code fused}, the fused-pipeline smell), whether it touched
 * {@code faultline.lock}, and how many authority changes it made.
 */
public record CompiledCommit(CommitRef commit, List<String> controlFiles, List<String> dataFiles, boolean fused,
                             boolean lockTouched, int authorityChanges) {
    public CompiledCommit {
        controlFiles = List.copyOf(controlFiles);
        dataFiles = List.copyOf(dataFiles);
    }

    /** True when the commit changed authority without touching {@code faultline.lock}. */
    public boolean authorityWithoutLock() {
        return authorityChanges > 0 && !lockTouched;
    }
}
