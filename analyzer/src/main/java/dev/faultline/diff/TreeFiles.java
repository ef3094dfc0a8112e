package dev.faultline.diff;

import dev.faultline.ingest.Discovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The regular files of a tree by relative {@code /} path, skipping the folders discovery skips
 * ({@code .git}, {@code target}, ...) and never following symbolic links; and the files that differ
 * between two trees, by content.
 */
public final class TreeFiles {
    private TreeFiles() {
    }

    /** Every regular file under {@code root}, by relative path. */
    public static SortedMap<String, Path> list(Path root) {
        SortedMap<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && Discovery.SKIPPED_FOLDERS.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.put(root.relativize(file).toString().replace('\\', '/'), file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The files added, removed or modified (by content) from {@code base} to {@code head}. */
    public static SortedMap<String, Change> changes(Path base, Path head) {
        SortedMap<String, Path> before = list(base);
        SortedMap<String, Path> after = list(head);
        SortedMap<String, Change> out = new TreeMap<>();
        for (Map.Entry<String, Path> e : before.entrySet()) {
            Path other = after.get(e.getKey());
            if (other == null) {
                out.put(e.getKey(), Change.REMOVED);
            } else if (!sameContent(e.getValue(), other)) {
                out.put(e.getKey(), Change.MODIFIED);
            }
        }
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> out.put(k, Change.ADDED));
        return out;
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }
}
