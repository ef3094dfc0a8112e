package com.example.repotools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Read-only access to the files of one checked-out repository. */
final class RepoFiles {
    private final Path root;

    RepoFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    String read(String relative) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a file of the repository: " + relative);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
