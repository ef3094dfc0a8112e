package dev.faultline.ingest.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Closure digests: a change reaches exactly the nodes that can reach it, through cycles and long chains. */
class ReferenceGraphTest {
    /** A file with the files it refers to and what it holds. */
    record Node(String path, String content, List<String> refers) {
    }

    private static Map<String, String> digests(List<Node> nodes) {
        return ReferenceGraph.digests(nodes,
                n -> nodes.stream().filter(m -> n.refers().contains(m.path())).toList(),
                n -> n.path() + " " + n.content());
    }

    @Test
    void aChangeReachesEveryNodeThatRefersToItDirectlyOrThroughACycleAndNoOther() {
        // a -> b <-> c -> d ; e -> d ; f alone
        List<Node> before = List.of(new Node("a", "1", List.of("b")), new Node("b", "1", List.of("c")),
                new Node("c", "1", List.of("b", "d")), new Node("d", "1", List.of()), new Node("e", "1", List.of("d")),
                new Node("f", "1", List.of()));
        List<Node> after = before.stream().map(n -> n.path().equals("d") ? new Node("d", "2", n.refers()) : n).toList();
        Map<String, String> x = digests(before);
        Map<String, String> y = digests(after);
        assertThat(List.of("a", "b", "c", "d", "e")).allSatisfy(p -> assertThat(y.get(p)).as(p).isNotEqualTo(x.get(p)));
        assertThat(y.get("f")).isEqualTo(x.get("f"));
        assertThat(x.get("b")).as("one cycle, one digest").isEqualTo(x.get("c"));
    }

    @Test
    void aNewReferenceChangesTheDigestOfWhatNowReachesFurther() {
        List<Node> before = List.of(new Node("a", "1", List.of()), new Node("b", "1", List.of()));
        List<Node> after = List.of(new Node("a", "1", List.of("b")), new Node("b", "1", List.of()));
        assertThat(digests(after).get("a")).isNotEqualTo(digests(before).get("a"));
        assertThat(digests(after).get("b")).isEqualTo(digests(before).get("b"));
    }

    @Test
    void aChainOfOneHundredThousandDoesNotOverflowTheStack() {
        List<Node> chain = IntStream.range(0, 100_000)
                .mapToObj(i -> new Node("n" + i, "x", i + 1 < 100_000 ? List.of("n" + (i + 1)) : List.of())).toList();
        Map<String, Integer> at = new java.util.HashMap<>();
        IntStream.range(0, chain.size()).forEach(i -> at.put(chain.get(i).path(), i));
        Map<String, String> d = ReferenceGraph.digests(chain,
                n -> n.refers().stream().map(p -> chain.get(at.get(p))).toList(), n -> n.path() + " " + n.content());
        assertThat(d).hasSize(100_000);
        assertThat(d.get("n0")).isNotEqualTo(d.get("n1"));
    }
}
