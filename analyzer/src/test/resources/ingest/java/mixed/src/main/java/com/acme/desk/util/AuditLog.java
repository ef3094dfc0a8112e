package com.acme.desk.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

public final class AuditLog {
    private static final Path LOG = Path.of("/var/log/desk/audit.log");

    private AuditLog() {
    }

    public static void record(String line) {
        try {
            Files.writeString(LOG, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
