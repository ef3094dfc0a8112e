package com.example.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class NoteStore {
    private final Path root;

    public NoteStore(Path root) {
        this.root = root;
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
