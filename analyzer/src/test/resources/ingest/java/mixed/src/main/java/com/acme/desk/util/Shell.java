package com.acme.desk.util;

import java.io.IOException;
import java.io.UncheckedIOException;

public final class Shell {
    private Shell() {
    }

    public static int run(String... command) {
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
