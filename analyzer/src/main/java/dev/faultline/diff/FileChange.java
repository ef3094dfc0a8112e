package dev.faultline.diff;

import java.util.List;

/**
 * A file that differs between base and head (relative {@code /} path), with its plane, the evidence
 * that decided it and, for Java files, the changed members whose planes it combines.
 */
public record FileChange(String path, Change change, Plane plane, List<PlaneEvidence> evidence, List<MemberChange> members)
        implements Comparable<FileChange> {

    public FileChange {
        evidence = List.copyOf(evidence);
        members = List.copyOf(members);
    }

    @Override
    public int compareTo(FileChange other) {
        return path.compareTo(other.path);
    }
}
