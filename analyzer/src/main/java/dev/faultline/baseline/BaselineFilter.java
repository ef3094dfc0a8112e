package dev.faultline.baseline;

import dev.faultline.report.Finding;
import dev.faultline.report.Location;
import dev.faultline.report.Notification;
import dev.faultline.report.Report;
import java.util.ArrayList;
import java.util.List;

/** Drops baselined findings from a report and says how many were dropped. */
public final class BaselineFilter {
    private BaselineFilter() {
    }

    /** The report without findings in {@code baseline}, with a note counting them. */
    public static Report apply(Report report, Baseline baseline, String baselineName) {
        List<Finding> kept = report.findings().stream().filter(f -> !baseline.contains(f)).toList();
        List<Notification> notes = new ArrayList<>(report.notifications());
        int dropped = report.findings().size() - kept.size();
        if (dropped > 0) {
            notes.add(new Notification("note", "baseline", dropped + " findings are in the baseline " + baselineName + " and not shown",
                    Location.file(baselineName)));
        }
        return new Report(report.tool(), report.inputs(), notes.stream().sorted().toList(), report.agents(), report.tools(),
                report.credentials(), report.servers(), kept, report.rules());
    }
}
