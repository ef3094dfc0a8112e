package dev.faultline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Says why a symbolic link is skipped. Links are never followed for reading; this only looks at
 * where they point (link text and file metadata), so a report can tell a loop or an escape from the
 * scanned folder apart from an ordinary link.
 */
final class Symlinks {
    /** Most links resolved in a chain before it counts as a loop (Linux gives up at 40 too). */
    private static final int MAX_HOPS = 40;

    private Symlinks() {
    }

    /** The reason recorded for the skipped link {@code link} found under {@code realRoot}. */
    static String reason(Path link, Path realRoot) {
        Set<Path> seen = new HashSet<>();
        Path current = link.toAbsolutePath().normalize();
        try {
            for (int hop = 0; hop < MAX_HOPS; hop++) {
                if (!seen.add(current)) {
                    return "symbolic link loop, not followed";
                }
                Path target = Files.readSymbolicLink(current);
                Path parent = current.getParent();
                Path next = (parent == null ? target : parent.resolve(target)).normalize();
                if (!Files.isSymbolicLink(next)) {
                    return resolved(link, next, realRoot);
                }
                current = next;
            }
            return "symbolic link loop, not followed";
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "symbolic link, not followed";
        }
    }

    private static String resolved(Path link, Path target, Path realRoot) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return "dangling symbolic link, not followed";
        }
        Path real = target.toRealPath();
        if (!real.startsWith(realRoot)) {
            return "symbolic link to outside the scanned folder, not followed";
        }
        Path linkFolder = link.toAbsolutePath().getParent();
        if (Files.isDirectory(real) && linkFolder != null && linkFolder.toRealPath().startsWith(real)) {
            return "symbolic link loop (to a folder containing it), not followed";
        }
        return "symbolic link, not followed";
    }
}
