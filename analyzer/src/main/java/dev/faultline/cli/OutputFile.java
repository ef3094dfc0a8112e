package dev.faultline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a command's finished output goes: a file the user named (folders created), or the command
 * line's standard output. Output is always built in memory first, so a failure leaves no partial file.
 */
final class OutputFile {
    private OutputFile() {
    }

    /** Writes {@code text} to {@code file}, or prints it to {@code out} when no file is given. */
    static void write(String text, Optional<Path> file, PrintWriter out) throws IOException {
        if (file.isPresent()) {
            write(text.getBytes(StandardCharsets.UTF_8), file.get());
        } else {
            out.print(text);
            out.flush();
        }
    }

    /** Writes {@code bytes} to {@code file}, creating its folder. */
    static void write(byte[] bytes, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
