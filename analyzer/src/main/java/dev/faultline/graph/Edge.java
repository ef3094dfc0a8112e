package dev.faultline.graph;

/** An edge of the capability graph. Compared by identity, as JGraphT multigraphs require. */
public final class Edge {
    private final EdgeKind kind;

    Edge(EdgeKind kind) {
        this.kind = kind;
    }

    /** What the edge means. */
    public EdgeKind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
