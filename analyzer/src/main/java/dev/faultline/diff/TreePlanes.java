package dev.faultline.diff;

import dev.faultline.model.Owners;
import dev.faultline.report.Report;
import java.util.List;

/** The plane of every file of one tree, the owners its root manifest names, and its report. */
public record TreePlanes(List<FileChange> files, Owners owners, Report report) {

    public TreePlanes {
        files = List.copyOf(files);
    }
}
