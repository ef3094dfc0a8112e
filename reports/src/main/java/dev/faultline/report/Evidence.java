package dev.faultline.report;

import java.util.List;

/**
 * Why a tool carries a label. {@code fact} is what is claimed ({@code blast-radius},
 * {@code untrusted-output}, {@code private-data}, {@code credential}, {@code capability}),
 * {@code value} its value ({@code irreversible}, {@code true}, {@code GITHUB_TOKEN}, {@code send-external}),
 * {@code provenance} one of {@code override}, {@code code}, {@code declared}, {@code heuristic},
 * {@code default}, {@code detail} the human explanation, {@code rule} the model row that matched
 * ({@code ""} when none), and {@code chain} the hops that lead to it (a call chain for code evidence).
 */
public record Evidence(
        String fact,
        String value,
        String provenance,
        String detail,
        String rule,
        Location location,
        List<FlowStep> chain) {

    public Evidence {
        chain = List.copyOf(chain);
    }
}
