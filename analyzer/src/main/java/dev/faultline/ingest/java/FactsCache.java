package dev.faultline.ingest.java;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.faultline.doc.ReadLimits;
import dev.faultline.rules.ModelRow;
import dev.faultline.rules.RuleCatalog;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The facts of framework files kept in a folder between scans, so that a scan or a diff reads again
 * only the files a change can affect. An entry is found by a key that hashes everything its facts
 * were computed from: Faultline's own code and Java runtime, the rule rows, the read limits, the
 * source roots, the file's path and the content of every file in its {@linkplain SourceIndex#closureDigest
 * reference closure}. The resource files it looked at are checked again when it is read. An entry
 * that cannot be read, or that does not match, is a miss; nothing in the folder is trusted beyond
 * being facts Faultline wrote: it is plain JSON, read into value records only.
 *
 * <p>Safe to share between scans running at the same time (a diff compiles its two trees at once).
 *
 * <p>The folder must not be inside a scanned tree: whoever can write into it decides what the scan
 * believes.
 */
public final class FactsCache {
    private static final String FORMAT = "faultline-java-facts 1";

    private final Path folder;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private FactsCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in {@code folder}, created when first written. */
    public static FactsCache in(Path folder) {
        return new FactsCache(folder.toAbsolutePath().normalize());
    }

    /** The folder entries are kept in. */
    public Path folder() {
        return folder;
    }

    /** True when this cache's folder is {@code tree} or below it, as written or with links resolved. */
    public boolean isInside(Path tree) {
        Path r = tree.toAbsolutePath().normalize();
        if (folder.startsWith(r)) {
            return true;
        }
        try {
            return real(folder).startsWith(r.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The real path of a folder that may not exist yet: its nearest existing ancestor's, resolved. */
    private static Path real(Path folder) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? folder : existing.toRealPath().resolve(existing.relativize(folder));
    }

    /** Framework files whose facts were read from this cache so far. */
    public int hits() {
        return hits.get();
    }

    /** Framework files whose facts had to be computed so far. */
    public int misses() {
        return misses.get();
    }

    /** Keys for the files of one scan. */
    Keys keys(SourceIndex index, RuleCatalog catalog, ReadLimits limits) {
        StringBuilder base = new StringBuilder(FORMAT).append('\n')
                .append(codeIdentity()).append('\n')
                .append(Runtime.version()).append('\n')
                .append(rowsText(catalog)).append('\n')
                .append(limits).append('\n')
                .append(index.sourceRootNames()).append('\n');
        return new Keys(ContentDigest.of(base.toString()), index);
    }

    /** The rule rows as text in a fixed order (the sets and maps of a row iterate in a different order in every run). */
    private static String rowsText(RuleCatalog catalog) {
        StringBuilder out = new StringBuilder();
        for (ModelRow r : catalog.rows()) {
            out.append(List.of(r.id(), r.model(), r.signal(), new TreeSet<>(r.match()),
                    r.pattern().map(p -> p.pattern() + "/" + p.flags()).orElse(""), r.capability().orElse(""),
                    r.blastRadius().map(Enum::name).orElse(""), new TreeSet<>(r.flags()), r.provenance(), r.detail(),
                    new TreeSet<>(r.onlyWithVerb()), new TreeMap<>(r.attributes()), r.location())).append('\n');
        }
        return out.toString();
    }

    /** The keys of one scan's framework files. */
    final class Keys {
        private final String base;
        private final SourceIndex index;

        private Keys(String base, SourceIndex index) {
            this.base = base;
            this.index = index;
        }

        /** The key of a framework file: the scan's base key, its path, and the digest of its reference closure. */
        String of(SourceIndex.Entry entry) {
            StringBuilder key = new StringBuilder(base).append('\n').append(entry.file().path()).append('\n')
                    .append(index.closureDigest(entry).orElse("?"));
            return ContentDigest.of(key.toString());
        }
    }

    /** The facts kept under {@code key} for {@code entry}, if there are any and its resource files are unchanged. */
    Optional<FileFacts> read(String key, SourceIndex.Entry entry) {
        Path file = entryFile(key);
        Optional<FileFacts> facts = Optional.empty();
        if (Files.isRegularFile(file)) {
            try {
                FileFacts f = json.readValue(file.toFile(), FileFacts.class);
                Path root = scanRoot(entry);
                if (f.path().equals(entry.file().path()) && f.resources().stream()
                        .allMatch(r -> !r.path().contains("..") && ResourceLog.hashOf(root.resolve(r.path())).equals(r.hash()))) {
                    facts = Optional.of(f);
                }
            } catch (IOException | RuntimeException e) {
                facts = Optional.empty(); // a damaged or foreign entry is a miss; it is rewritten
            }
        }
        (facts.isPresent() ? hits : misses).incrementAndGet();
        return facts;
    }

    /** Keeps {@code facts} under {@code key}; a cache that cannot be written only costs time. */
    void write(String key, FileFacts facts) {
        Path file = entryFile(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), key, ".tmp");
            json.writeValue(tmp.toFile(), facts);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // not kept: the next scan computes these facts again
        }
    }

    private Path entryFile(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The folder a file's scan path is relative to. */
    private static Path scanRoot(SourceIndex.Entry entry) {
        Path root = entry.file().absolute().toAbsolutePath().normalize();
        for (int i = entry.file().path().split("/").length; i > 0 && root != null; i--) {
            root = root.getParent();
        }
        return root == null ? Path.of("/") : root;
    }

    /** Names the code that computes facts: the jar's size and time, so a rebuilt Faultline never reads an older one's entries. */
    private static String codeIdentity() {
        try {
            Path code = Path.of(FactsCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String version = Optional.ofNullable(FactsCache.class.getPackage().getImplementationVersion()).orElse("dev");
            return version + " " + code.getFileName() + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
        } catch (Exception e) {
            return "unknown " + System.nanoTime(); // unknown code: no entry is ever reused
        }
    }
}
