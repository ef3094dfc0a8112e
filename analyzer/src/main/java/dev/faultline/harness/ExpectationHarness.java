package dev.faultline.harness;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.ReadLimits;
import dev.faultline.doc.YamlDocReader;
import dev.faultline.ingest.Discovery;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.pipeline.ScanResult;
import dev.faultline.report.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a fixture folder against its markers: inline {@code // expect: RULE KEY} or
 * {@code # expect: RULE KEY} comments (the finding's line is the marker's, or up to
 * {@value #WINDOW} lines below the stack of consecutive marker lines it belongs to), and {@code expect.yaml} sidecars for formats without comments.
 * Every active finding must be claimed. Used by JUnit and by {@code faultline test}.
 */
public final class ExpectationHarness {
    /** How many lines below a marker its finding may start. */
    public static final int WINDOW = 3;
    /** The sidecar file name. */
    public static final String SIDECAR = "expect.yaml";
    private static final Pattern INLINE = Pattern.compile(
            "(?://|#)\\s*(expect|ok|expect-missing|expect-spurious):\\s*([a-z0-9-]+)(?:[ \\t]+([^\\s]+))?");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "yaml", "yml", "txt", "md", "properties", "toml", "kt");

    private final Pipeline pipeline;

    public ExpectationHarness(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The outcome of one case: its findings, its markers and every mismatch. */
    public record Outcome(Path dir, List<Finding> findings, List<Marker> markers, List<String> failures) {
        /** True when every marker holds and every finding is claimed. */
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** Scans {@code dir} and checks it against its markers. */
    public Outcome check(Path dir) throws IOException {
        ScanResult result = pipeline.scan(List.of(dir));
        java.util.Optional<String> onlyRule = ruleUnderTest(dir);
        List<Marker> markers = markers(dir).stream().filter(m -> onlyRule.map(m.ruleId()::equals).orElse(true)).toList();
        List<Finding> findings = result.report().activeFindings().stream()
                .filter(f -> onlyRule.map(f.ruleId()::equals).orElse(true)).toList();
        List<String> failures = new ArrayList<>();
        if (markers.isEmpty()) {
            failures.add(dir + ": no markers (expect:/ok:) — a case must say what it expects");
        }
        Set<Finding> claimed = new HashSet<>();
        for (Marker m : markers) {
            List<Finding> hits = findings.stream().filter(f -> matches(m, f)).toList();
            switch (m.kind()) {
                case "expect" -> {
                    if (hits.isEmpty()) {
                        failures.add(m.where() + ": expected " + m.ruleId() + " " + m.key() + " — not reported" + nearMiss(m, findings));
                    }
                    claimed.addAll(hits);
                }
                case "expect-spurious" -> {
                    if (hits.isEmpty()) {
                        failures.add(m.where() + ": known false positive " + m.ruleId() + " " + m.key()
                                + " is no longer reported — remove the marker");
                    }
                    claimed.addAll(hits);
                }
                case "expect-missing" -> {
                    if (!hits.isEmpty()) {
                        failures.add(m.where() + ": known false negative " + m.ruleId() + " " + m.key()
                                + " is now reported — make it an expect: marker");
                    }
                    claimed.addAll(hits);
                }
                case "ok" -> hits.forEach(f -> failures.add(m.where() + ": ok: " + m.ruleId() + " but reported "
                        + f.key() + " at " + f.location().display()));
                default -> failures.add(m.where() + ": unknown marker kind " + m.kind());
            }
        }
        for (Finding f : findings) {
            if (!claimed.contains(f)) {
                failures.add(f.location().display() + ": unclaimed finding " + f.ruleId() + " " + f.key() + " — " + f.message());
            }
        }
        return new Outcome(dir, findings, markers, failures);
    }

    /**
     * The rule a fixture case tests: a case inside a folder named after a rule
     * ({@code rules/<pack>/<rule-id>/<case>}) checks only that rule's findings and markers.
     */
    private java.util.Optional<String> ruleUnderTest(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.getFileName() != null; p = p.getParent()) {
            if (pipeline.catalog().rule(p.getFileName().toString()).isPresent()) {
                return java.util.Optional.of(p.getFileName().toString());
            }
        }
        return java.util.Optional.empty();
    }

    private static String nearMiss(Marker m, List<Finding> findings) {
        List<String> same = findings.stream().filter(f -> f.ruleId().equals(m.ruleId())).map(f -> f.key() + " @ " + f.location().display())
                .toList();
        return same.isEmpty() ? "" : " (reported for this rule: " + String.join(", ", same) + ")";
    }

    private static boolean matches(Marker m, Finding f) {
        if (!f.ruleId().equals(m.ruleId())) {
            return false;
        }
        if (!m.key().isEmpty() && !m.key().equals(f.key())) {
            return false;
        }
        if (m.inline()) {
            int line = f.location().startLine();
            return f.location().path().equals(m.path())
                    && (line == m.line() || line > m.blockEnd() && line - m.blockEnd() <= WINDOW);
        }
        return m.path().isEmpty() || f.location().path().equals(m.path());
    }

    /** Every marker under {@code dir}, inline and sidecar, with paths relative to it. */
    public static List<Marker> markers(Path dir) throws IOException {
        List<Marker> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> {
                        Path rel = dir.relativize(p);
                        for (Path part : rel) {
                            if (Discovery.SKIPPED_FOLDERS.contains(part.toString()) || part.toString().equals("expected")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        }
        for (Path p : files) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            String name = p.getFileName().toString();
            if (name.equals(SIDECAR)) {
                out.addAll(sidecar(p, rel));
                continue;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !TEXT_EXTENSIONS.contains(name.substring(dot + 1))) {
                continue;
            }
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            int[] blockEnd = new int[lines.size() + 2];
            for (int i = lines.size() - 1; i >= 0; i--) {
                boolean marker = INLINE.matcher(lines.get(i)).find();
                blockEnd[i] = marker && i + 1 < lines.size() && INLINE.matcher(lines.get(i + 1)).find() ? blockEnd[i + 1] : i + 1;
            }
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = INLINE.matcher(lines.get(i));
                if (m.find()) {
                    out.add(new Marker(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3), rel, i + 1, blockEnd[i], true));
                }
            }
        }
        return out;
    }

    private static List<Marker> sidecar(Path p, String rel) throws IOException {
        String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
        List<Marker> out = new ArrayList<>();
        DocNode root;
        try {
            root = new YamlDocReader(ReadLimits.DEFAULT).read(rel, Files.readString(p, StandardCharsets.UTF_8));
        } catch (DocException e) {
            throw new IOException(e.location().display() + ": " + e.getMessage(), e);
        }
        DocMap top = root.asMap().orElseThrow(() -> new IOException(rel + ": expected a mapping"));
        for (String kind : List.of("expect", "ok", "expect-missing", "expect-spurious")) {
            for (DocNode n : top.list(kind).map(l -> l.items()).orElse(List.of())) {
                DocMap e = n.asMap().orElseThrow(() -> new IOException(n.location().display() + ": expected a mapping"));
                String rule = e.string("rule").orElseThrow(() -> new IOException(e.location().display() + ": missing 'rule'"));
                String file = e.string("file").map(f -> folder + f).orElse("");
                out.add(new Marker(kind, rule, e.string("key", ""), file, 0, 0, false));
            }
        }
        return out;
    }

    /** Case folders under {@code root}: folders holding a sidecar or a {@code faultline.yaml}, not nested in another case. */
    public static List<Path> cases(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Path dir, List<Path> out) throws IOException {
        if (Files.isRegularFile(dir.resolve(SIDECAR)) || Files.isRegularFile(dir.resolve("faultline.yaml"))) {
            out.add(dir);
            return;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : children) {
            if (!Discovery.SKIPPED_FOLDERS.contains(c.getFileName().toString())) {
                collect(c, out);
            }
        }
    }
}
