package dev.faultline.graph;

/** A vertex of the capability graph: small, immutable, compared by value. */
public sealed interface Node permits Node.AgentNode, Node.ToolNode, Node.CredentialNode, Node.ServerNode, Node.EntryNode {

    /** A short label such as {@code agent support} for paths and messages. */
    String label();

    /** An agent (its context is where taint collects). */
    record AgentNode(String name) implements Node {
        @Override
        public String label() {
            return "agent " + name;
        }
    }

    /** A tool by id. */
    record ToolNode(String id) implements Node {
        @Override
        public String label() {
            return "tool " + id;
        }
    }

    /** A credential (env var, header, scope set) by name. */
    record CredentialNode(String name) implements Node {
        @Override
        public String label() {
            return "credential " + name;
        }
    }

    /** A tool provider. */
    record ServerNode(String name) implements Node {
        @Override
        public String label() {
            return "server " + name;
        }
    }

    /** An entry point of one agent. */
    record EntryNode(String agent, String name) implements Node {
        @Override
        public String label() {
            return "entry point " + name;
        }
    }
}
