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
 * <p>Beside the folder (or without one: {@link #inMemory()}), entries are also kept in memory for the
 * scans of one command, with the outlines of the files their text pass read, by content: the two
 * sides of a diff, or the commits of a history, read the files they have in common once. A file a
 * scan is about to read that another scan is reading is waited for, not read twice.
 *
 * <p>Safe to share between scans running at the same time (a diff compiles its two trees at once).
 * One cache serves the scans of one pipeline (one set of rule rows and read limits).
 *
 * <p>The folder must not be inside a scanned tree: whoever can write into it decides what the scan
 * believes.
 */
public final class FactsCache {
    private static final String FORMAT = "faultline-java-facts 1";

    private final Optional<Path> folder;
    private final java.util.concurrent.ConcurrentMap<String, java.util.concurrent.CompletableFuture<FileFacts>> memory =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, java.util.concurrent.CompletableFuture<SourceIndex.TextFacts>> texts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, String> words = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private FactsCache(Optional<Path> folder) {
        this.folder = folder;
    }

    /** A cache in {@code folder}, created when first written. */
    public static FactsCache in(Path folder) {
        return new FactsCache(Optional.of(folder.toAbsolutePath().normalize()));
    }

    /** A cache in memory only, for the scans of one command: nothing outlives the process. */
    public static FactsCache inMemory() {
        return new FactsCache(Optional.empty());
    }

    /** The folder entries are kept in; none for a cache in memory only. */
    public Optional<Path> folder() {
        return folder;
    }

    /** True when this cache's folder is {@code tree} or below it, as written or with links resolved. */
    public boolean isInside(Path tree) {
        if (folder.isEmpty()) {
            return false;
        }
        Path r = tree.toAbsolutePath().normalize();
        if (folder.get().startsWith(r)) {
            return true;
        }
        try {
            return real(folder.get()).startsWith(r.toRealPath());
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

    /** What a scan is to do about one framework file: use facts found, wait for another scan reading it, or read it. */
    sealed interface Lookup {
        /** Facts found in memory or in the folder, still valid for the file. */
        record Found(FileFacts facts) implements Lookup {
        }

        /** Another scan is reading the file: its facts, once read, are {@code pending}'s (valid or not for this scan). */
        record Reading(java.util.concurrent.CompletableFuture<FileFacts> pending) implements Lookup {
        }

        /** Nothing found: the caller reads the file and must {@link #write} its facts (or {@link #abandon} the key). */
        record Claimed() implements Lookup {
        }
    }

    /**
     * Looks {@code key} up for {@code entry}: in memory, then in the folder. When neither has it and no
     * other scan is reading it, the caller now owns the key.
     */
    Lookup lookup(String key, SourceIndex.Entry entry) {
        java.util.concurrent.CompletableFuture<FileFacts> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<FileFacts> theirs = memory.putIfAbsent(key, mine);
        while (theirs != null && theirs.isDone() && theirs.getNow(null) == null) { // abandoned: claim it
            theirs = memory.replace(key, theirs, mine) ? null : memory.putIfAbsent(key, mine);
        }
        if (theirs != null) {
            if (!theirs.isDone()) {
                return new Lookup.Reading(theirs);
            }
            Optional<FileFacts> kept = Optional.of(theirs.join()).filter(f -> validFor(f, entry));
            (kept.isPresent() ? hits : misses).incrementAndGet();
            return kept.<Lookup>map(Lookup.Found::new).orElseGet(Lookup.Claimed::new); // their facts looked at other resources
        }
        Optional<FileFacts> stored = fromFolder(key, entry);
        (stored.isPresent() ? hits : misses).incrementAndGet();
        if (stored.isPresent()) {
            mine.complete(stored.get());
            return new Lookup.Found(stored.get());
        }
        return new Lookup.Claimed();
    }

    /**
     * The facts of {@code key} once no other scan is reading them any more, if they are valid for
     * {@code entry}; empty when the caller must read the file (and it then owns the key).
     */
    Optional<FileFacts> awaited(SourceIndex.Entry entry, String key) {
        Lookup l = lookup(key, entry);
        while (l instanceof Lookup.Reading r) {
            r.pending().join();
            l = lookup(key, entry);
        }
        return l instanceof Lookup.Found f ? Optional.of(f.facts()) : Optional.empty();
    }

    /** Gives up a claimed key whose facts could not be read, so a scan waiting for them reads the file itself. */
    void abandon(String key) {
        Optional.ofNullable(memory.get(key)).ifPresent(f -> f.complete(null));
    }

    private Optional<FileFacts> fromFolder(String key, SourceIndex.Entry entry) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path file = entryFile(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntryJson.MAPPER.readValue(file.toFile(), FileFacts.class)).filter(f -> validFor(f, entry));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged or foreign entry is a miss; it is rewritten
        }
    }

    /** True when {@code facts} are of {@code entry}'s path and the resource files they looked at hold the same under its scan root. */
    private static boolean validFor(FileFacts facts, SourceIndex.Entry entry) {
        Path root = scanRoot(entry);
        return facts.path().equals(entry.file().path()) && facts.resources().stream()
                .allMatch(r -> !r.path().contains("..") && ResourceLog.hashOf(root.resolve(r.path())).equals(r.hash()));
    }

    /** Keeps {@code facts} under {@code key}, in memory (for scans waiting for them) and in the folder; a cache that cannot be written only costs time. */
    void write(String key, FileFacts facts) {
        memory.computeIfAbsent(key, k -> new java.util.concurrent.CompletableFuture<>()).complete(facts);
        if (folder.isEmpty()) {
            return;
        }
        Path file = entryFile(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), key, ".tmp");
            EntryJson.MAPPER.writeValue(tmp.toFile(), facts);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // not kept: the next scan computes these facts again
        }
    }

    /** What the text pass of a scan is to do about one text: use what another scan read of it, wait for it, or read it. */
    sealed interface TextLookup {
        /** Read before, by this or another scan. */
        record Kept(SourceIndex.TextFacts facts) implements TextLookup {
        }

        /** Another scan is reading the same text: {@code pending} completes with what it read (or with nothing, given up). */
        record Pending(java.util.concurrent.CompletableFuture<SourceIndex.TextFacts> pending) implements TextLookup {
        }

        /** Nobody has read it: the caller reads it and must {@link #keepText} what it read (or {@link #abandonText} it). */
        record Claimed() implements TextLookup {
        }
    }

    /** Looks up what the text pass read of the text of {@code digest}; when nobody has, the caller now owns it. */
    TextLookup text(String digest) {
        java.util.concurrent.CompletableFuture<SourceIndex.TextFacts> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<SourceIndex.TextFacts> theirs = texts.putIfAbsent(digest, mine);
        while (theirs != null && theirs.isDone() && theirs.getNow(null) == null) { // given up: claim it
            theirs = texts.replace(digest, theirs, mine) ? null : texts.putIfAbsent(digest, mine);
        }
        if (theirs == null) {
            return new TextLookup.Claimed();
        }
        return theirs.isDone() ? new TextLookup.Kept(theirs.join()) : new TextLookup.Pending(theirs);
    }

    /**
     * Keeps what the text pass read of a claimed text, for the scans waiting for it and the next that
     * reads the same text, with its words shared with the texts kept before (a set of strings per
     * file held too much).
     */
    void keepText(String digest, SourceIndex.TextFacts facts) {
        String[] mentions = facts.mentions();
        for (int i = 0; i < mentions.length; i++) {
            mentions[i] = words.computeIfAbsent(mentions[i], w -> w);
        }
        texts.computeIfAbsent(digest, k -> new java.util.concurrent.CompletableFuture<>()).complete(facts);
    }

    /** Gives up a claimed text that could not be read, so a scan waiting for it reads it itself. */
    void abandonText(String digest) {
        Optional.ofNullable(texts.get(digest)).ifPresent(f -> f.complete(null));
    }

    /** How entries are written in the folder; built when a folder is first read or written (loading Jackson costs a cache in memory 0.1 s). */
    private static final class EntryJson {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .build();
    }

    private Path entryFile(String key) {
        return folder.orElseThrow().resolve(key.substring(0, 2)).resolve(key + ".json");
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
