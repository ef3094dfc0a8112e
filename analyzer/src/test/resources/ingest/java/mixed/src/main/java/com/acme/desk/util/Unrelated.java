package com.acme.desk.util;

public final class Unrelated {
    private Unrelated() {
    }

    public static int answer() {
        return 42;
    }
}
