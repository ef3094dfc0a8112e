package dev.faultline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The written-out equals and hashCode of the vertices are those a record generates. */
class NodeTest {
    private record One(String value) {
    }

    private record Two(String first, String second) {
    }

    @Test
    void hashCodesAreTheGeneratedOnesSoHashOrdersDoNotChange() {
        for (String s : new String[] {"support", "tool/x", "", null}) {
            int generated = new One(s).hashCode();
            assertThat(new Node.AgentNode(s).hashCode()).isEqualTo(generated);
            assertThat(new Node.ToolNode(s).hashCode()).isEqualTo(generated);
            assertThat(new Node.CredentialNode(s).hashCode()).isEqualTo(generated);
            assertThat(new Node.ServerNode(s).hashCode()).isEqualTo(generated);
            assertThat(new Node.EntryNode(s, "ticket").hashCode()).isEqualTo(new Two(s, "ticket").hashCode());
            assertThat(new Node.EntryNode("agent", s).hashCode()).isEqualTo(new Two("agent", s).hashCode());
        }
    }

    @Test
    void equalByKindAndValue() {
        assertThat(new Node.AgentNode("a")).isEqualTo(new Node.AgentNode("a")).isNotEqualTo(new Node.AgentNode("b"))
                .isNotEqualTo(new Node.ToolNode("a"));
        assertThat(new Node.AgentNode(null)).isEqualTo(new Node.AgentNode(null)).isNotEqualTo(new Node.AgentNode("a"));
        assertThat(new Node.EntryNode("a", "e")).isEqualTo(new Node.EntryNode("a", "e"))
                .isNotEqualTo(new Node.EntryNode("b", "e")).isNotEqualTo(new Node.EntryNode("a", "f"));
        assertThat(new Node.ServerNode("s")).isNotEqualTo(new Node.CredentialNode("s"));
    }
}
