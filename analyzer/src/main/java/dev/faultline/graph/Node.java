package dev.faultline.graph;

import java.util.Objects;

/**
 * A vertex of the capability graph: small, immutable, compared by value.
 *
 * <p>Each kind writes out {@code equals} and {@code hashCode}, with exactly the values the record
 * would generate (components compared with {@code Objects.equals}, hashed as {@code 31 * h + hash}):
 * a record's own are linked through {@code invokedynamic} the first time they run, and the graph is
 * where a scan first hashes records, which cost a short run tens of milliseconds.
 */
public sealed interface Node permits Node.AgentNode, Node.ToolNode, Node.CredentialNode, Node.ServerNode, Node.EntryNode {

    /** A short label such as {@code agent support} for paths and messages. */
    String label();

    /** An agent (its context is where taint collects). */
    record AgentNode(String name) implements Node {
        @Override
        public String label() {
            return "agent " + name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AgentNode n && Objects.equals(name, n.name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    /** A tool by id. */
    record ToolNode(String id) implements Node {
        @Override
        public String label() {
            return "tool " + id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ToolNode n && Objects.equals(id, n.id);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(id);
        }
    }

    /** A credential (env var, header, scope set) by name. */
    record CredentialNode(String name) implements Node {
        @Override
        public String label() {
            return "credential " + name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CredentialNode n && Objects.equals(name, n.name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    /** A tool provider. */
    record ServerNode(String name) implements Node {
        @Override
        public String label() {
            return "server " + name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ServerNode n && Objects.equals(name, n.name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    /** An entry point of one agent. */
    record EntryNode(String agent, String name) implements Node {
        @Override
        public String label() {
            return "entry point " + name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EntryNode n && Objects.equals(agent, n.agent) && Objects.equals(name, n.name);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(agent) + Objects.hashCode(name);
        }
    }
}
