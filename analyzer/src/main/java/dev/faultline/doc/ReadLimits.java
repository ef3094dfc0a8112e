package dev.faultline.doc;

/**
 * Bounds on what one input file may cost to read. Every document reader enforces them, so a
 * hostile file fails cleanly instead of exhausting memory or the stack.
 *
 * @param maxFileBytes   a larger file is skipped unread
 * @param maxDepth       deepest nesting of maps and lists
 * @param maxStringChars longest single string
 * @param maxNodes       most nodes in one document
 * @param maxAliases     most YAML aliases to collections (billion-laughs guard)
 */
public record ReadLimits(long maxFileBytes, int maxDepth, int maxStringChars, int maxNodes, int maxAliases) {

    /** The defaults documented in the README's security model. */
    public static final ReadLimits DEFAULT = new ReadLimits(16L * 1024 * 1024, 200, 2 * 1024 * 1024, 2_000_000, 50);
}
