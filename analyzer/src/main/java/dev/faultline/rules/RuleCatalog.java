package dev.faultline.rules;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocList;
import dev.faultline.doc.DocMap;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.ReadLimits;
import dev.faultline.doc.YamlDocReader;
import dev.faultline.model.BlastRadius;
import dev.faultline.model.Provenance;
import dev.faultline.report.Location;
import dev.faultline.report.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * All rules, model rows and capabilities, loaded from the built-in packs on the class path
 * ({@code faultline/rules/<pack>/...}) and from any extra pack folders the user names.
 * Invalid files throw {@link RuleFileException} naming the file and line: rules are the
 * scanner's own configuration, so a broken one stops the run rather than silently matching nothing.
 * The built-in packs are read from the {@link RuleBundle} the build parsed them into, when there is one.
 */
public final class RuleCatalog {
    private static final String ROOT = "faultline/rules";
    private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");

    /**
     * One parsed YAML file of a pack: a rule file, or a file of the pack's {@code models} folder.
     * {@code fileName} is the file's own name; {@link #display()}, the path errors and rules show.
     */
    record PackFile(String pack, String fileName, boolean model, DocMap doc) {
        String display() {
            return doc.location().path();
        }
    }

    private final Map<String, Rule> rules = new TreeMap<>();
    private final Map<String, ModelRow> rows = new TreeMap<>();
    private final Map<String, Capability> capabilities = new TreeMap<>();

    private RuleCatalog() {
    }

    /** The built-in packs only. */
    public static RuleCatalog builtIn() {
        return load(List.of());
    }

    /** The built-in packs plus the packs in {@code extraRoots} (each a folder of pack folders). */
    public static RuleCatalog load(List<Path> extraRoots) {
        RuleCatalog catalog = new RuleCatalog();
        RuleBundle.read().ifPresentOrElse(files -> files.forEach(catalog::load), () -> readBuiltInYaml(catalog::load));
        for (Path root : extraRoots) {
            readRoot(root, root.toString().replace('\\', '/'), catalog::load);
        }
        catalog.validate();
        return catalog;
    }

    /** A catalog of exactly these files, validated as {@link #load} validates. */
    static RuleCatalog of(List<PackFile> files) {
        RuleCatalog catalog = new RuleCatalog();
        files.forEach(catalog::load);
        catalog.validate();
        return catalog;
    }

    /** Rules by id, sorted. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /** The rule with this id. */
    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** Rules of one engine kind, sorted by id. */
    public List<Rule> rulesOfKind(String kind) {
        return rules.values().stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /** Model rows for one signal kind, sorted by id. */
    public List<ModelRow> rowsFor(String signal) {
        return rows.values().stream().filter(r -> r.signal().equals(signal)).toList();
    }

    /** Every model row, sorted by id. */
    public List<ModelRow> rows() {
        return List.copyOf(rows.values());
    }

    /** The capability vocabulary. */
    public Map<String, Capability> capabilities() {
        return Collections.unmodifiableMap(capabilities);
    }

    /** Parses the YAML of the built-in packs on the class path, handing each file to {@code sink} in load order. */
    static void readBuiltInYaml(Consumer<PackFile> sink) {
        URL marker = RuleCatalog.class.getClassLoader().getResource(ROOT + "/README.md");
        if (marker == null) {
            throw new IllegalStateException("built-in rules not found on the class path (" + ROOT + ")");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                readRoot(fs.getPath("/" + ROOT), "rules", sink);
            } else {
                readRoot(Path.of(uri).getParent(), "rules", sink);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open built-in rules: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the packs under {@code root} (a folder of pack folders), handing each file to {@code sink}
     * as soon as it is parsed, so the first broken file in load order is the one reported.
     */
    private static void readRoot(Path root, String displayRoot, Consumer<PackFile> sink) {
        if (!Files.isDirectory(root)) {
            throw new RuleFileException("not a folder of rule packs", Location.file(displayRoot));
        }
        YamlDocReader yaml = new YamlDocReader(ReadLimits.DEFAULT);
        for (Path pack : sortedChildren(root)) {
            if (!Files.isDirectory(pack)) {
                continue;
            }
            String packName = pack.getFileName().toString().replace("/", "");
            for (Path f : sortedChildren(pack)) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && name.endsWith(".yaml")) {
                    sink.accept(new PackFile(packName, name, false, parse(yaml, f, displayRoot + "/" + packName + "/" + name)));
                }
            }
            Path models = pack.resolve("models");
            if (Files.isDirectory(models)) {
                for (Path f : sortedChildren(models)) {
                    String name = f.getFileName().toString();
                    if (Files.isRegularFile(f) && name.endsWith(".yaml")) {
                        sink.accept(new PackFile(packName, name, true, parse(yaml, f, displayRoot + "/" + packName + "/models/" + name)));
                    }
                }
            }
        }
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new RuleFileException("cannot list: " + e.getMessage(), Location.file(dir.toString()));
        }
    }

    private static DocMap parse(YamlDocReader yaml, Path file, String display) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            DocNode root = yaml.read(display, text);
            return root.asMap().orElseThrow(() -> new RuleFileException("expected a mapping at the top", root.location()));
        } catch (DocException e) {
            throw new RuleFileException(e.getMessage(), e.location());
        } catch (IOException e) {
            throw new RuleFileException("cannot read: " + e.getMessage(), Location.file(display));
        }
    }

    private void load(PackFile file) {
        if (file.model()) {
            loadModel(file);
        } else {
            loadRule(file);
        }
    }

    private void loadRule(PackFile file) {
        DocMap doc = file.doc();
        String display = file.display();
        String pack = file.pack();
        String expectedId = file.fileName().replaceFirst("\\.yaml$", "");
        String id = required(doc, "id");
        if (!id.equals(expectedId)) {
            throw new RuleFileException("rule id '" + id + "' must equal the file name '" + expectedId + "'", doc.location());
        }
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new RuleFileException("rule id '" + id + "' must be kebab-case", doc.location());
        }
        String kind = required(doc, "kind");
        Severity severity;
        try {
            severity = Severity.parse(required(doc, "severity"));
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(e.getMessage(), doc.get("severity").orElseThrow().location());
        }
        String precision = doc.string("precision", "medium");
        if (!PRECISIONS.contains(precision)) {
            throw new RuleFileException("precision must be one of " + new java.util.TreeSet<>(PRECISIONS), doc.location());
        }
        DocMap body = doc.map(kind).orElse(new DocMap(doc.location(), List.of()));
        Optional<Severity> unsuppressible;
        try {
            unsuppressible = doc.string("unsuppressible-at").map(Severity::parse);
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(e.getMessage(), doc.get("unsuppressible-at").orElseThrow().location());
        }
        Rule rule = new Rule(id, required(doc, "name"), kind, severity, precision, required(doc, "short"),
                required(doc, "message"), required(doc, "help").strip(), strings(doc, "tags"), pack, body,
                Location.at(display, 1, 1), unsuppressible);
        if (rules.putIfAbsent(id, rule) != null) {
            throw new RuleFileException("rule id '" + id + "' is defined twice (also in " + rules.get(id).location().path() + ")",
                    doc.location());
        }
    }

    private void loadModel(PackFile file) {
        DocMap doc = file.doc();
        doc.map("capabilities").ifPresent(this::loadCapabilities);
        String model = doc.string("model", file.fileName().replaceFirst("\\.yaml$", ""));
        for (DocNode n : doc.list("rows").map(DocList::items).orElse(List.of())) {
            DocMap row = n.asMap().orElseThrow(() -> new RuleFileException("a row must be a mapping", n.location()));
            ModelRow r = row(model, row);
            if (rows.putIfAbsent(r.id(), r) != null) {
                throw new RuleFileException("model row id '" + r.id() + "' is defined twice (also in "
                        + rows.get(r.id()).location().display() + ")", row.location());
            }
        }
    }

    private void loadCapabilities(DocMap caps) {
        for (DocMap.Entry e : caps.entries()) {
            DocMap c = e.value().asMap().orElseThrow(() -> new RuleFileException("a capability must be a mapping", e.keyLocation()));
            BlastRadius cls = BlastRadius.parse(required(c, "class"))
                    .orElseThrow(() -> new RuleFileException("unknown class", c.location()));
            capabilities.put(e.key(), new Capability(e.key(), cls, new LinkedHashSet<>(flags(c)), c.string("description", "")));
        }
    }

    private static final Set<String> ROW_KEYS = Set.of("id", "signal", "match", "pattern", "capability", "class", "flags",
            "provenance", "detail", "only-with-verb");

    private ModelRow row(String model, DocMap row) {
        String id = required(row, "id");
        Optional<Pattern> pattern = row.string("pattern").map(p -> {
            try {
                return Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new RuleFileException("row " + id + ": bad pattern: " + e.getDescription(), row.get("pattern").orElseThrow().location());
            }
        });
        Set<String> match = new LinkedHashSet<>();
        strings(row, "match").forEach(m -> match.add(m.toLowerCase(java.util.Locale.ROOT)));
        if (match.isEmpty() && pattern.isEmpty()) {
            throw new RuleFileException("row " + id + " needs 'match' or 'pattern'", row.location());
        }
        Optional<BlastRadius> cls = row.string("class").map(c -> BlastRadius.parse(c)
                .orElseThrow(() -> new RuleFileException("row " + id + ": unknown class '" + c + "'", row.location())));
        Provenance provenance = Provenance.parse(required(row, "provenance"))
                .filter(p -> p != Provenance.OVERRIDE)
                .orElseThrow(() -> new RuleFileException("row " + id + ": provenance must be code, declared, heuristic or default",
                        row.location()));
        Map<String, String> attributes = new TreeMap<>();
        for (DocMap.Entry e : row.entries()) {
            if (!ROW_KEYS.contains(e.key())) {
                e.value().scalarText().ifPresent(t -> attributes.put(e.key(), t));
            }
        }
        return new ModelRow(id, model, required(row, "signal"), match, pattern, row.string("capability"), cls,
                new LinkedHashSet<>(flags(row)), provenance, row.string("detail", ""),
                new LinkedHashSet<>(strings(row, "only-with-verb")), attributes, row.location());
    }

    private void validate() {
        for (ModelRow r : rows.values()) {
            if (r.capability().isPresent() && !capabilities.containsKey(r.capability().get())) {
                throw new RuleFileException("row " + r.id() + ": unknown capability '" + r.capability().get() + "'", r.location());
            }
            if (r.capability().isEmpty() && r.blastRadius().isEmpty() && r.flags().isEmpty() && r.attributes().isEmpty()) {
                throw new RuleFileException("row " + r.id() + " says nothing: give a capability, class, flags or attributes", r.location());
            }
        }
    }

    private static List<String> flags(DocMap m) {
        List<String> flags = strings(m, "flags");
        for (String f : flags) {
            if (!f.equals("untrusted-output") && !f.equals("private-data")) {
                throw new RuleFileException("unknown flag '" + f + "' (untrusted-output or private-data)", m.location());
            }
        }
        return flags;
    }

    /** A required scalar key. */
    static String required(DocMap m, String key) {
        return m.string(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new RuleFileException("missing required key '" + key + "'", m.location()));
    }

    /** A list of scalars (a single scalar counts as a one-element list). */
    public static List<String> strings(DocMap m, String key) {
        Optional<DocNode> n = m.get(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (n.get() instanceof DocList l) {
            List<String> out = new ArrayList<>();
            for (DocNode item : l.items()) {
                out.add(item.scalarText().orElseThrow(() -> new RuleFileException("'" + key + "' must list plain values", item.location())));
            }
            return out;
        }
        return n.get().scalarText().map(List::of)
                .orElseThrow(() -> new RuleFileException("'" + key + "' must be a value or a list of values", n.get().location()));
    }

    /** Rules grouped by pack, for listings. */
    public Map<String, List<Rule>> rulesByPack() {
        Map<String, List<Rule>> byPack = new TreeMap<>();
        rules.values().forEach(r -> byPack.computeIfAbsent(r.pack(), k -> new ArrayList<>()).add(r));
        return byPack;
    }

}
