package dev.faultline.doc;

import java.time.Duration;

/**
 * Bounds on what one input file may cost to read. Every document reader enforces them, so a
 * hostile file fails cleanly instead of exhausting memory, the stack or the time of the scan.
 *
 * @param maxFileBytes   a larger file is failed unread
 * @param maxDepth       deepest nesting of maps and lists
 * @param maxStringChars longest single string
 * @param maxNodes       most nodes in one document
 * @param maxAliases     most YAML aliases to collections (billion-laughs guard)
 * @param parseTimeout   longest time one file may take to parse (see {@link ParseBudget})
 */
public record ReadLimits(long maxFileBytes, int maxDepth, int maxStringChars, int maxNodes, int maxAliases,
                         Duration parseTimeout) {

    /** Default time budget for parsing one file. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(10);

    /** The defaults documented in the README's security model. */
    public static final ReadLimits DEFAULT = new ReadLimits(16L * 1024 * 1024, 200, 2 * 1024 * 1024, 2_000_000, 50,
            DEFAULT_PARSE_TIMEOUT);

    public ReadLimits {
        if (parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("the parse timeout must be positive");
        }
    }

    /** Limits with the default parse timeout. */
    public ReadLimits(long maxFileBytes, int maxDepth, int maxStringChars, int maxNodes, int maxAliases) {
        this(maxFileBytes, maxDepth, maxStringChars, maxNodes, maxAliases, DEFAULT_PARSE_TIMEOUT);
    }

    /** These limits with another file size limit. */
    public ReadLimits withMaxFileBytes(long bytes) {
        return new ReadLimits(bytes, maxDepth, maxStringChars, maxNodes, maxAliases, parseTimeout);
    }

    /** These limits with another parse timeout. */
    public ReadLimits withParseTimeout(Duration timeout) {
        return new ReadLimits(maxFileBytes, maxDepth, maxStringChars, maxNodes, maxAliases, timeout);
    }
}
