package dev.faultline.pipeline;

import dev.faultline.ingest.Discovery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides how paths are shown: one root → relative to it; several → relative to their common
 * parent, so the same tree gives the same report wherever it lies on disk.
 */
public final class ScanRoots {
    private ScanRoots() {
    }

    /** The roots with their display prefixes. */
    public static List<Discovery.Root> of(List<Path> paths) {
        List<Path> abs = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (abs.size() == 1) {
            boolean exists = java.nio.file.Files.exists(abs.get(0), java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return List.of(new Discovery.Root(abs.get(0), exists ? "" : paths.get(0).toString().replace('\\', '/')));
        }
        Path common = abs.get(0).getParent();
        for (Path p : abs) {
            while (common != null && !p.startsWith(common)) {
                common = common.getParent();
            }
        }
        List<Discovery.Root> roots = new ArrayList<>();
        for (Path p : abs) {
            String rel = common == null ? p.toString() : common.relativize(p).toString();
            roots.add(new Discovery.Root(p, rel.replace('\\', '/')));
        }
        return roots;
    }
}
