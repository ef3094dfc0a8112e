package dev.faultline.classify;

import dev.faultline.model.BlastRadius;
import dev.faultline.model.Provenance;
import dev.faultline.model.Tool;
import dev.faultline.report.Evidence;
import java.util.List;
import java.util.Set;

/**
 * A tool with its labels: blast radius, flags, capabilities and approval gate, each decided by
 * evidence whose provenance is kept. {@code radiusProvenance} is the provenance of the evidence that
 * set the class; flag provenances are {@link Provenance#DEFAULT} when the flag is false.
 */
public record ClassifiedTool(
        Tool tool,
        BlastRadius blastRadius,
        Provenance radiusProvenance,
        boolean untrustedOutput,
        Provenance untrustedProvenance,
        boolean privateData,
        Provenance privateProvenance,
        Set<String> capabilities,
        boolean approvalRequired,
        List<Evidence> evidence) implements Comparable<ClassifiedTool> {

    public ClassifiedTool {
        capabilities = Set.copyOf(capabilities);
        evidence = List.copyOf(evidence);
    }

    /** The tool's id. */
    public String id() {
        return tool.id();
    }

    /** True for irreversible and privileged tools. */
    public boolean isDangerous() {
        return blastRadius.compareTo(BlastRadius.IRREVERSIBLE) >= 0;
    }

    @Override
    public int compareTo(ClassifiedTool other) {
        return id().compareTo(other.id());
    }
}
