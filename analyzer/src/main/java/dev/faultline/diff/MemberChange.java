package dev.faultline.diff;

import java.util.List;

/**
 * A changed member of a Java type: {@code member} is {@code Type#method(ParamTypes)},
 * {@code Type#field} or {@code Type} for the type's own header (annotations, supertypes).
 */
public record MemberChange(String member, Change change, Plane plane, List<PlaneEvidence> evidence)
        implements Comparable<MemberChange> {

    public MemberChange {
        evidence = List.copyOf(evidence);
    }

    @Override
    public int compareTo(MemberChange other) {
        return member.compareTo(other.member);
    }
}
