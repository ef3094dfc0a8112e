package dev.faultline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files under {@code src/test/resources/golden/}: compared byte for byte, rewritten only
 * when the system property {@code faultline.update-goldens} is {@code true}.
 */
final class Goldens {

    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Goldens() {
    }

    static String render(ReportWriter writer, Report report) {
        StringWriter out = new StringWriter();
        try {
            writer.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("faultline.update-goldens")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " is missing; run: mvn test -Dfaultline.update-goldens=true");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("output differs from golden " + file + " (regenerate with -Dfaultline.update-goldens=true "
                    + "and review the diff)\n" + firstDifference(expected, actual));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : "<end of file>";
            String al = i < a.size() ? a.get(i) : "<end of file>";
            if (!el.equals(al)) {
                return "first difference at line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
            }
        }
        return "the files differ only in line endings or a trailing newline";
    }
}
