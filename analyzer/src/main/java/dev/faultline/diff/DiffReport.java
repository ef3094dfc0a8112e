package dev.faultline.diff;

import dev.faultline.report.Finding;
import dev.faultline.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pull request changes, split by plane: the verdict with its reasons and gates, the headlines,
 * every changed file with its plane, the capability-scope diff and the new, fixed, widened and
 * narrowed findings. {@code base} and {@code head} name the two sides (a revision or a folder);
 * {@code failedInputs} lists inputs either side could not read ({@code side: path: reason});
 * {@code headReport} is the head's full report, kept for writers that need its rules and tools.
 */
public record DiffReport(
        String base,
        String head,
        Verdict verdict,
        List<String> reasons,
        List<Gate> gates,
        List<String> headlines,
        List<FileChange> files,
        List<ScopeChange> scope,
        FindingDelta findings,
        List<String> failedInputs,
        Report baseReport,
        Report headReport) {

    public DiffReport {
        reasons = List.copyOf(reasons);
        gates = List.copyOf(gates);
        headlines = List.copyOf(headlines);
        files = List.copyOf(files);
        scope = List.copyOf(scope);
        failedInputs = List.copyOf(failedInputs);
    }

    /** The changed files whose plane is data or mixed. */
    public List<FileChange> dataPlaneFiles() {
        return files.stream().filter(f -> f.plane().touchesData()).toList();
    }

    /** The changed files whose plane is control or mixed. */
    public List<FileChange> controlPlaneFiles() {
        return files.stream().filter(f -> f.plane().touchesControl()).toList();
    }

    /** The changed files on neither plane. */
    public List<FileChange> otherFiles() {
        return files.stream().filter(f -> f.plane() == Plane.NEITHER).toList();
    }

    /**
     * The head's report with only what the change brings: the new findings, and the taint paths a new
     * source reaches, whose message names the new sources ({@link SourceChange#annotated()}). What
     * SARIF upload should show on the PR.
     */
    public Report newFindingsReport() {
        Report h = headReport;
        List<Finding> shown = new ArrayList<>(findings.added());
        findings.widenedSources().forEach(c -> shown.add(c.annotated()));
        shown.sort(null);
        return new Report(h.tool(), h.inputs(), h.notifications(), h.agents(), h.tools(), h.credentials(), h.servers(),
                shown, h.rules());
    }
}
