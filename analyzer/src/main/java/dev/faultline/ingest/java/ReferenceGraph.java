package dev.faultline.ingest.java;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Digests of reference closures, for every node of a graph at once: the strongly connected
 * components are found (Tarjan's algorithm, without recursion, so a long chain of references
 * cannot overflow the stack), and each component's digest hashes the sorted lines of its nodes
 * with the sorted digests of the components it refers to. Tarjan's algorithm closes a component only
 * after every component it reaches, so each digest is computed once, in linear time overall.
 */
final class ReferenceGraph {
    private ReferenceGraph() {
    }

    /**
     * The closure digest of each node, by the first word of its line ({@code line} gives a node's
     * content line: its path, a space, and what identifies its content).
     */
    static <N> Map<String, String> digests(List<N> nodes, Function<N, List<N>> successors, Function<N, String> line) {
        Map<N, Integer> index = new java.util.IdentityHashMap<>(); // nodes are looked up once per edge: no record hashing
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        int n = nodes.size();
        int[][] edges = new int[n][];
        for (int i = 0; i < n; i++) {
            edges[i] = successors.apply(nodes.get(i)).stream().mapToInt(index::get).distinct().toArray();
        }
        int[] order = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        Arrays.fill(order, -1);
        Arrays.fill(component, -1);
        int[] stack = new int[n];
        int stackSize = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        List<String> componentDigests = new ArrayList<>();
        String[] out = new String[n];
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            order[root] = low[root] = counter++;
            stack[stackSize++] = root;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < edges[v].length) {
                    int w = edges[v][callEdge[depth]++];
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (component[w] < 0) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                if (low[v] == order[v]) {
                    int id = componentDigests.size();
                    List<Integer> members = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--stackSize];
                        component[w] = id;
                        members.add(w);
                    } while (w != v);
                    TreeSet<String> lines = new TreeSet<>();
                    TreeSet<String> refers = new TreeSet<>();
                    for (int m : members) {
                        lines.add(line.apply(nodes.get(m)));
                        for (int t : edges[m]) {
                            if (component[t] != id) {
                                refers.add(componentDigests.get(component[t]));
                            }
                        }
                    }
                    ContentDigest.Builder digest = ContentDigest.builder();
                    lines.forEach(l -> digest.line(l));
                    digest.line("--");
                    refers.forEach(r -> digest.line(r));
                    String hex = digest.hex();
                    componentDigests.add(hex);
                    for (int m : members) {
                        out[m] = hex;
                    }
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        Map<String, String> byPath = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String l = line.apply(nodes.get(i));
            byPath.put(l.substring(0, l.lastIndexOf(' ')), out[i]);
        }
        return byPath;
    }
}
