package dev.faultline.baseline;

import dev.faultline.report.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings a project has accepted for now, by rule id and stable key: a scan with
 * {@code --baseline} reports only findings not in it. The file is one {@code rule<TAB>key} line
 * per finding, sorted, with tabs, newlines and backslashes in keys escaped, so attacker-chosen
 * tool names cannot forge lines.
 */
public record Baseline(Set<String> entries) {
    private static final String HEADER = "# faultline baseline: accepted findings (rule id, tab, key). Rewrite with `faultline baseline`.";

    public Baseline {
        entries = Set.copyOf(entries);
    }

    /** The baseline of these findings (suppressed ones included: they are accepted too). */
    public static Baseline of(List<Finding> findings) {
        Set<String> s = new TreeSet<>();
        findings.forEach(f -> s.add(entry(f)));
        return new Baseline(s);
    }

    /** True when the finding is in the baseline. */
    public boolean contains(Finding f) {
        return entries.contains(entry(f));
    }

    /** The file's text: header, then sorted entries, each ending with a newline. */
    public String text() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        new TreeSet<>(entries).forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }

    /** Reads a baseline file; lines starting with {@code #} and blank lines are ignored. */
    public static Baseline read(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line);
            }
        }
        return new Baseline(new TreeSet<>(out));
    }

    private static String entry(Finding f) {
        return escape(f.ruleId()) + "\t" + escape(f.key());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
