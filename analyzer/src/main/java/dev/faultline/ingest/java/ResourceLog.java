package dev.faultline.ingest.java;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files beside the Java sources that reading one part of a scan looked at (configuration
 * files, prompt resources), with a hash of what each held then, so that a cached part is reused
 * only while they hold the same.
 */
final class ResourceLog {
    /** What a file held: the SHA-256 of its bytes, or {@link #ABSENT}. */
    record Read(String path, String hash) {
    }

    static final String ABSENT = "absent";

    private final Map<String, String> reads = new TreeMap<>();

    /** Records that the file at {@code absolute} (shown as {@code path}, relative to the scan root) was looked at. */
    void looked(String path, Path absolute) {
        reads.computeIfAbsent(path, p -> hashOf(absolute));
    }

    /** Records a file another log saw looked at, with what it held then. */
    void add(Read read) {
        reads.putIfAbsent(read.path(), read.hash());
    }

    /** The files looked at so far, by path. */
    List<Read> reads() {
        return reads.entrySet().stream().map(e -> new Read(e.getKey(), e.getValue())).toList();
    }

    /** What the file at {@code absolute} holds now. */
    static String hashOf(Path absolute) {
        if (!Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return ABSENT;
        }
        try {
            return ContentDigest.of(Files.readAllBytes(absolute));
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
