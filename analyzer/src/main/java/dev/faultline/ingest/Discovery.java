package dev.faultline.ingest;

import dev.faultline.doc.DocException;
import dev.faultline.doc.DocNode;
import dev.faultline.doc.JsonDocReader;
import dev.faultline.doc.ParseBudget;
import dev.faultline.doc.ReadLimits;
import dev.faultline.doc.YamlDocReader;
import dev.faultline.model.Manifest;
import dev.faultline.report.Location;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Walks the scanned folders in sorted order, reads every file it can, and records each one as
 * scanned, skipped (why) or failed (why); a file no reader accounted for is failed, so none is lost.
 * Each parse runs under the {@link ParseBudget}. Symbolic links are never followed; VCS and build-output
 * folders are skipped as one entry each; a {@code faultline.yaml} is read before the rest of its
 * folder, so its {@code scan.exclude} patterns apply to the walk.
 */
public final class Discovery {
    /** Folders never descended into. */
    public static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".hg", ".svn", "target", "build", "node_modules",
            ".gradle", ".idea", "out", "dist", "__pycache__", ".venv", ".mvn");

    private final ReadLimits limits;
    private final List<DocumentIngester> documentIngesters;
    private final List<ProjectIngester> projectIngesters;
    private final ManifestReader manifestReader = new ManifestReader();

    public Discovery(ReadLimits limits, List<DocumentIngester> documentIngesters, List<ProjectIngester> projectIngesters) {
        this.limits = limits;
        this.documentIngesters = List.copyOf(documentIngesters);
        this.projectIngesters = List.copyOf(projectIngesters);
    }

    private record Exclusion(String scope, PathMatcher matcher) {
    }

    /** A root to scan and the prefix its files get in reports ({@code ""} for a single root). */
    public record Root(Path path, String displayPrefix) {
    }

    /** Reads everything under the roots into {@code model}. */
    public void scan(List<Root> roots, ModelBuilder model) {
        Walk walk = new Walk(model);
        projectIngesters.forEach(p -> walk.projectFiles.put(p, new ArrayList<>()));
        for (Root root : roots) {
            String prefix = root.displayPrefix();
            if (!Files.exists(root.path(), LinkOption.NOFOLLOW_LINKS)) {
                String shown = prefix.isEmpty() ? root.path().toString() : prefix;
                model.failed(new SourceFile(shown, root.path(), 0), "",
                        new DocException("path not found", Location.file(shown)));
                continue;
            }
            if (Files.isRegularFile(root.path(), LinkOption.NOFOLLOW_LINKS)) {
                String name = prefix.isEmpty() ? root.path().getFileName().toString() : prefix;
                visitFile(root.path(), name, List.of(), walk);
                continue;
            }
            walk(root.path(), realPath(root.path()), prefix, new ArrayList<>(), walk);
        }
        walk.projectFiles.forEach((ingester, files) -> {
            if (!files.isEmpty()) {
                try {
                    ParseBudget.onLargeStack(() -> ingester.ingest(List.copyOf(files), model));
                } catch (RuntimeException | StackOverflowError e) {
                    model.notify("error", "reader-failed", "the " + ingester.kind() + " reader failed ("
                            + e.getClass().getSimpleName() + "); please report it", Location.file(files.get(0).path()));
                }
            }
        });
        for (SourceFile file : walk.discovered) {
            if (!model.hasInput(file.path())) {
                model.failed(file, "", new DocException("not accounted for by any reader (internal error); please report it",
                        Location.file(file.path())));
            }
        }
    }

    /** The state of one scan: where files go, and every file found, so none goes unreported. */
    private static final class Walk {
        final ModelBuilder model;
        final Map<ProjectIngester, List<SourceFile>> projectFiles = new LinkedHashMap<>();
        final List<SourceFile> discovered = new ArrayList<>();

        Walk(ModelBuilder model) {
            this.model = model;
        }
    }

    private void walk(Path dir, Path realRoot, String rel, List<Exclusion> exclusions, Walk walk) {
        ModelBuilder model = walk.model;
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            model.failed(new SourceFile(rel, dir, 0), "", new DocException("cannot list folder: " + e.getClass().getSimpleName(),
                    Location.file(rel.isEmpty() ? "." : rel)));
            return;
        }
        List<Exclusion> active = new ArrayList<>(exclusions);
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (ManifestReader.FILE_NAMES.contains(name) && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                SourceFile file = sourceFile(child, join(rel, name));
                walk.discovered.add(file);
                readManifest(file, model).ifPresent(m -> m.excludes().forEach(glob ->
                        active.add(new Exclusion(rel, FileSystems.getDefault().getPathMatcher("glob:" + glob)))));
            }
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            String childRel = join(rel, name);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                model.failed(new SourceFile(childRel, child, 0), "", new DocException("cannot stat: " + e.getClass().getSimpleName(),
                        Location.file(childRel)));
                continue;
            }
            if (attrs.isSymbolicLink()) {
                model.skipped(childRel, Symlinks.reason(child, realRoot));
                continue;
            }
            if (excluded(childRel, attrs.isDirectory(), active)) {
                model.skipped(childRel + (attrs.isDirectory() ? "/" : ""), "excluded by scan.exclude in faultline.yaml");
                continue;
            }
            if (attrs.isDirectory()) {
                if (SKIPPED_FOLDERS.contains(name)) {
                    model.skipped(childRel + "/", "VCS, build-output or dependency folder");
                } else {
                    walk(child, realRoot, childRel, active, walk);
                }
            } else if (attrs.isRegularFile()) {
                if (!ManifestReader.FILE_NAMES.contains(name)) {
                    visitFile(child, childRel, active, walk);
                }
            } else {
                model.skipped(childRel, "not a regular file");
            }
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static boolean excluded(String rel, boolean dir, List<Exclusion> exclusions) {
        for (Exclusion e : exclusions) {
            if (!e.scope().isEmpty() && !rel.startsWith(e.scope() + "/")) {
                continue;
            }
            Path local = Path.of(e.scope().isEmpty() ? rel : rel.substring(e.scope().length() + 1));
            if (e.matcher().matches(local) || dir && e.matcher().matches(local.resolve("x"))) {
                return true;
            }
        }
        return false;
    }

    private java.util.Optional<Manifest> readManifest(SourceFile file, ModelBuilder model) {
        try {
            DocNode root = ParseBudget.run(file.path(), limits.parseTimeout(),
                    () -> new YamlDocReader(limits).read(file.path(), SourceText.read(file, limits)));
            Manifest m = manifestReader.read(file, root);
            model.addManifest(m);
            model.scanned(file, "manifest");
            return java.util.Optional.of(m);
        } catch (DocException e) {
            model.failed(file, "manifest", e);
            return java.util.Optional.empty();
        }
    }

    private void visitFile(Path path, String rel, List<Exclusion> exclusions, Walk walk) {
        ModelBuilder model = walk.model;
        SourceFile file = sourceFile(path, rel);
        walk.discovered.add(file);
        if (ManifestReader.FILE_NAMES.contains(file.fileName())) {
            readManifest(file, model);
            return;
        }
        for (Map.Entry<ProjectIngester, List<SourceFile>> e : walk.projectFiles.entrySet()) {
            if (e.getKey().wants(file)) {
                e.getValue().add(file);
                return;
            }
        }
        String ext = file.extension();
        boolean json = ext.equals("json");
        boolean yaml = ext.equals("yaml") || ext.equals("yml");
        if (!json && !yaml) {
            model.skipped(rel, "not a format Faultline reads");
            return;
        }
        DocNode root;
        try {
            root = ParseBudget.run(rel, limits.parseTimeout(), () -> {
                String text = SourceText.read(file, limits);
                return json ? new JsonDocReader(limits).read(rel, text) : new YamlDocReader(limits).read(rel, text);
            });
        } catch (DocException e) {
            model.failed(file, "", e);
            return;
        }
        for (DocumentIngester ingester : documentIngesters) {
            if (ingester.recognises(file, root)) {
                try {
                    ingester.ingest(file, root, model);
                    model.scanned(file, ingester.kind());
                } catch (DocException e) {
                    model.failed(file, ingester.kind(), e);
                } catch (RuntimeException e) {
                    model.failed(file, ingester.kind(), new DocException("internal error reading this file ("
                            + e.getClass().getSimpleName() + "); please report it", Location.file(rel)));
                }
                return;
            }
        }
        model.skipped(rel, "not a recognised tool schema or MCP config");
    }

    private static SourceFile sourceFile(Path path, String rel) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = 0;
        }
        return new SourceFile(rel, path, size);
    }

    private static String join(String rel, String name) {
        return rel.isEmpty() ? name : rel + "/" + name;
    }
}
