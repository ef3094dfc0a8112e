package dev.faultline.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits tool names into lower-case words: {@code sendEmail}, {@code send_email}, {@code send-email.v2} → send, email. */
public final class NameWords {
    private NameWords() {
    }

    /** The words of a name, in order. */
    public static List<String> of(String name) {
        String spaced = name
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        List<String> words = new ArrayList<>();
        for (String w : spaced.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
