package dev.faultline.diff;

import dev.faultline.testing.TestTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: copy a sample tree and edit a file in it, failing when the edit does not apply. */
final class Trees {
    static final Path SUPPORT_BEFORE = Path.of("../samples/support-agent/before");
    static final Path SUPPORT_AFTER = Path.of("../samples/support-agent/after");
    static final Path MCP_DESKTOP = Path.of("../samples/mcp-desktop");
    static final String SUPPORT_AGENT = "src/main/java/com/acme/support/agent/SupportAgent.java";
    static final String ORDER_TOOLS = "src/main/java/com/acme/support/tools/OrderTools.java";
    static final String TICKET_TOOLS = "src/main/java/com/acme/support/tools/TicketTools.java";

    private Trees() {
    }

    /** Copies {@code from} into {@code to} (which may not exist yet) and returns {@code to}. */
    static Path copy(Path from, Path to) {
        return TestTrees.copy(from, to);
    }

    /** Replaces {@code from} with {@code to} in a file of {@code root}. */
    static void edit(Path root, String file, String from, String to) {
        TestTrees.edit(root.resolve(file), from, to);
    }

    /** Writes a file of {@code root}. */
    static void write(Path root, String file, String text) {
        try {
            Path p = root.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
