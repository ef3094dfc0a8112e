package dev.faultline.model;

import dev.faultline.report.Location;
import java.util.List;

/**
 * A project's {@code faultline.yaml}: it governs the folder it sits in ({@code scope}, relative,
 * {@code ""} for the root) — agents, approvals, overrides, suppressions, owners and exclusions.
 */
public record Manifest(
        String path,
        String scope,
        List<AgentDecl> agents,
        List<ApprovalGate> approvals,
        List<ToolOverride> overrides,
        List<SuppressionRule> suppressions,
        Owners owners,
        List<String> excludes,
        PlaneGlobs planes,
        Location location) {

    public Manifest {
        agents = List.copyOf(agents);
        approvals = List.copyOf(approvals);
        overrides = List.copyOf(overrides);
        suppressions = List.copyOf(suppressions);
        excludes = List.copyOf(excludes);
    }
}
