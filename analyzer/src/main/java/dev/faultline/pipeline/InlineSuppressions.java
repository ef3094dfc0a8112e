package dev.faultline.pipeline;

import dev.faultline.ingest.Discovery;
import dev.faultline.report.InputFile;
import dev.faultline.report.InputStatus;
import dev.faultline.report.Location;
import dev.faultline.report.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code // faultline:ignore RULE reason="..."} (or {@code #} in YAML) comments in scanned files.
 * A comment silences findings of that rule starting on its line or up to {@value #WINDOW} lines
 * below; the reason is mandatory, and a comment without one silences nothing and is reported.
 */
public final class InlineSuppressions {
    /** How many lines below a comment its finding may start. */
    public static final int WINDOW = 3;
    private static final String MARK = "faultline:ignore";
    private static final Pattern COMMENT = Pattern.compile(
            "(?://|#)\\s*faultline:ignore\\s+([a-z0-9-]+)(?:\\s+reason\\s*=\\s*\"([^\"]*)\")?");

    /** One comment: the rule it silences, the reason, and where it is written. */
    public record Comment(String ruleId, String reason, Location location) {

        /** True when a finding of {@code ruleId} at {@code at} is covered by this comment. */
        public boolean covers(String ruleId, Location at) {
            int delta = at.startLine() - location.startLine();
            return this.ruleId.equals(ruleId) && at.path().equals(location.path()) && delta >= 0 && delta <= WINDOW;
        }
    }

    private InlineSuppressions() {
    }

    /** Every suppression comment in the scanned text inputs; malformed ones become warnings. */
    public static List<Comment> read(List<InputFile> inputs, List<Discovery.Root> roots, List<Notification> notes) {
        List<Comment> out = new ArrayList<>();
        for (InputFile in : inputs) {
            if (in.status() != InputStatus.SCANNED) {
                continue;
            }
            Optional<Path> file = resolve(in.path(), roots);
            if (file.isEmpty()) {
                continue;
            }
            List<String> lines;
            try {
                String text = Files.readString(file.get(), StandardCharsets.UTF_8);
                if (!text.contains(MARK)) {
                    continue;
                }
                lines = text.lines().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).contains(MARK)) {
                    continue;
                }
                Location at = Location.at(in.path(), i + 1, lines.get(i).indexOf(MARK) + 1);
                Matcher m = COMMENT.matcher(lines.get(i));
                if (!m.find()) {
                    notes.add(new Notification("warning", "bad-suppression",
                            "faultline:ignore needs a rule id and reason=\"...\"; this comment silences nothing", at));
                } else if (m.group(2) == null || m.group(2).isBlank()) {
                    notes.add(new Notification("warning", "bad-suppression", "faultline:ignore " + m.group(1)
                            + " has no reason=\"...\"; a suppression without a reason silences nothing", at));
                } else {
                    out.add(new Comment(m.group(1), m.group(2).strip(), at));
                }
            }
        }
        return out;
    }

    /** The file behind a report path, never outside its root and never through a symbolic link. */
    static Optional<Path> resolve(String rel, List<Discovery.Root> roots) {
        for (Discovery.Root root : roots) {
            String prefix = root.displayPrefix();
            Path candidate;
            if (Files.isRegularFile(root.path(), LinkOption.NOFOLLOW_LINKS)) {
                String name = prefix.isEmpty() ? root.path().getFileName().toString() : prefix;
                if (!rel.equals(name)) {
                    continue;
                }
                candidate = root.path();
            } else if (prefix.isEmpty()) {
                candidate = root.path().resolve(rel).normalize();
            } else if (rel.startsWith(prefix + "/")) {
                candidate = root.path().resolve(rel.substring(prefix.length() + 1)).normalize();
            } else {
                continue;
            }
            if (candidate.startsWith(root.path()) && Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
