package dev.faultline.ingest.java;

import com.github.javaparser.ast.Node;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds how deeply a Java file may nest before it is parsed and walked. A hostile file can nest
 * brackets or chain operators ({@code a+a+a+…} 50,000 times) until the recursive parser or a later
 * tree walk overflows the stack, and where exactly that happens depends on the JIT; these checks
 * fail such a file the same way on every run.
 */
final class SyntaxDepth {
    /** Deepest bracket nesting and syntax-tree depth accepted; real code stays far below. */
    static final int MAX = 1_000;

    private SyntaxDepth() {
    }

    /** The deepest nesting of {@code ( [ {} in the text, outside comments, strings and character literals. */
    static int brackets(String text) {
        JavaTokens tokens = JavaTokens.lenient(text);
        int depth = 0;
        int max = 0;
        while (tokens.next()) {
            if (tokens.is('(') || tokens.is('[') || tokens.is('{')) {
                max = Math.max(max, ++depth);
            } else if (tokens.is(')') || tokens.is(']') || tokens.is('}')) {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }

    /** The depth of the syntax tree under {@code root}, counted without recursion. */
    static int tree(Node root) {
        record At(Node node, int depth) {
        }
        Deque<At> stack = new ArrayDeque<>();
        stack.push(new At(root, 1));
        int max = 0;
        while (!stack.isEmpty()) {
            At at = stack.pop();
            max = Math.max(max, at.depth());
            for (Node child : at.node().getChildNodes()) {
                stack.push(new At(child, at.depth() + 1));
            }
        }
        return max;
    }
}
