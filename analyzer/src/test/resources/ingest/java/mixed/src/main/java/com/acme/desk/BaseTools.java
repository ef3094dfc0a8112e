package com.acme.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

public abstract class BaseTools {

    protected String publish(String file) {
        try {
            Files.move(Path.of(file), Path.of("/srv/public", Path.of(file).getFileName().toString()));
            return "https://files.acme.example/" + Path.of(file).getFileName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
