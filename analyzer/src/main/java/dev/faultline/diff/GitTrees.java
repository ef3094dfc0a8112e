package dev.faultline.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads revisions of the git repository that holds a folder straight from its object database
 * (never the work tree or the index) and writes their files into a temporary folder. Only regular
 * files are written: symbolic links and submodules are skipped, and a path with {@code ..}, an empty
 * or {@code .git} segment, or one that would land outside the folder is refused. Blobs are cut one
 * byte past the read limit, so the pipeline reports them as too large without this class holding them.
 * A blob written before, for another tree, is linked to that copy rather than read and written again
 * (the trees of a diff or of consecutive commits hold mostly the same blobs).
 */
public final class GitTrees implements AutoCloseable {
    /** Branches tried, in order, as the default branch when {@code --base} is not given. */
    public static final List<String> DEFAULT_BRANCHES = List.of("refs/remotes/origin/HEAD", "refs/heads/main",
            "refs/heads/master", "refs/remotes/origin/main", "refs/remotes/origin/master");

    /** A resolved revision: what the user wrote and the commit it names. */
    public record Revision(String name, ObjectId commit) {
        /** {@code name (abbreviated id)}, for display. */
        public String label() {
            String id = commit.abbreviate(12).name();
            return name.equals(commit.name()) || name.startsWith(id) ? id : name + " (" + id + ")";
        }
    }

    private final Repository repository;
    private final String prefix;
    /** The file each blob was first written to by {@link #materialise}: a later file of the same blob is a link to it. */
    private final java.util.Map<ObjectId, Path> written = new java.util.concurrent.ConcurrentHashMap<>();

    private GitTrees(Repository repository, String prefix) {
        this.repository = repository;
        this.prefix = prefix;
    }

    /** Opens the repository that holds {@code folder}; throws {@link IllegalArgumentException} when there is none. */
    public static GitTrees open(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(abs.toFile());
        if (builder.getGitDir() == null) {
            throw new IllegalArgumentException(folder + " is not inside a git repository");
        }
        Repository repo = builder.setMustExist(true).build();
        if (repo.isBare()) {
            repo.close();
            throw new IllegalArgumentException(folder + " is in a bare repository; give two folders instead");
        }
        Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        Path real = abs.toRealPath();
        Path realTop = top.toRealPath();
        String rel = realTop.relativize(real).toString().replace('\\', '/');
        return new GitTrees(repo, rel);
    }

    /** The opened repository, for read-only walks of its history; owned by this object. */
    public Repository repository() {
        return repository;
    }

    /** The folder's path inside the repository ({@code ""} for its top). */
    public String prefix() {
        return prefix;
    }

    /** Resolves a revision ({@code HEAD~1}, a branch, a tag, an id); throws {@link IllegalArgumentException} when unknown. */
    public Revision resolve(String revision) throws IOException {
        ObjectId id = repository.resolve(revision + "^{commit}");
        if (id == null) {
            throw new IllegalArgumentException("unknown revision '" + revision + "'");
        }
        return new Revision(revision, id);
    }

    /** The merge base of {@code HEAD} with the first default branch that exists. */
    public Revision defaultBase() throws IOException {
        Optional<Ref> branch = Optional.empty();
        for (String name : DEFAULT_BRANCHES) {
            Ref ref = repository.exactRef(name);
            if (ref != null && ref.getObjectId() != null) {
                branch = Optional.of(ref);
                break;
            }
        }
        if (branch.isEmpty()) {
            throw new IllegalArgumentException("no default branch (origin/HEAD, main or master) to diff against; give --base");
        }
        ObjectId head = repository.resolve(Constants.HEAD + "^{commit}");
        if (head == null) {
            throw new IllegalArgumentException("the repository has no commit yet");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(head));
            walk.markStart(walk.parseCommit(branch.get().getObjectId()));
            RevCommit base = walk.next();
            if (base == null) {
                throw new IllegalArgumentException("HEAD and " + Repository.shortenRefName(branch.get().getName())
                        + " have no common ancestor; give --base");
            }
            return new Revision("merge-base(HEAD, " + Repository.shortenRefName(branch.get().getName()) + ")", base.getId());
        }
    }

    /**
     * Writes the files of {@code revision} under this folder's prefix into {@code into} (an empty
     * folder), keeping their paths relative to the folder; returns how many were written.
     */
    public int materialise(Revision revision, Path into, long maxFileBytes) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Set<Path> folders = new HashSet<>(); // folders this call made or checked: each is looked at once, not once per file
        int[] count = {0};
        files(revision, (path, blob, reader) -> {
            Optional<Path> target = safeTarget(root, path, folders);
            if (target.isEmpty()) {
                return;
            }
            if (folders.add(target.get().getParent())) {
                Files.createDirectories(target.get().getParent());
            }
            Path before = written.get(blob);
            if (before == null || !linked(target.get(), before)) {
                try (InputStream in = reader.open(blob, Constants.OBJ_BLOB).openStream();
                     OutputStream out = Files.newOutputStream(target.get(), StandardOpenOption.CREATE_NEW)) {
                    copy(in, out, maxFileBytes + 1);
                }
                written.put(blob, target.get());
            }
            count[0]++;
        });
        return count[0];
    }

    /** Makes {@code target} a hard link to {@code existing}; false when it cannot (a file system without links, a folder removed since). */
    private static boolean linked(Path target, Path existing) {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The bytes {@link #materialise} would write for {@code revisions}, in that order: each blob once, up to the limit. */
    public long size(List<Revision> revisions, long maxFileBytes) throws IOException {
        long[] total = {0};
        Set<ObjectId> counted = new HashSet<>();
        for (Revision revision : revisions) {
            files(revision, (path, blob, reader) -> {
                if (counted.add(blob)) {
                    total[0] += Math.min(maxFileBytes + 1, reader.getObjectSize(blob, Constants.OBJ_BLOB));
                }
            });
        }
        return total[0];
    }

    /** What is done with each regular file of a tree: its path under the prefix, its blob and a reader of objects. */
    @FunctionalInterface
    private interface FileAction {
        void on(String path, ObjectId blob, org.eclipse.jgit.lib.ObjectReader reader) throws IOException;
    }

    /** Every regular file of {@code revision} under this folder's prefix, with its path relative to the folder. */
    private void files(Revision revision, FileAction action) throws IOException {
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(revision.commit()).getTree());
            tree.setRecursive(true);
            if (!prefix.isEmpty()) {
                tree.setFilter(PathFilter.create(prefix));
            }
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                String path = tree.getPathString();
                if (!prefix.isEmpty()) {
                    if (!path.startsWith(prefix + "/")) {
                        continue;
                    }
                    path = path.substring(prefix.length() + 1);
                }
                action.on(path, tree.getObjectId(0), tree.getObjectReader());
            }
        }
    }

    /** Where {@code path} goes under {@code root}, or empty when it must not be written. */
    static Optional<Path> safeTarget(Path root, String path) {
        return safeTarget(root, path, new HashSet<>());
    }

    /**
     * Where {@code path} goes under {@code root}, or empty when it must not be written; folders in
     * {@code checked} are known to be real folders (not links, not files), and the folders this call
     * finds to be so are added to it.
     */
    private static Optional<Path> safeTarget(Path root, String path, Set<Path> checked) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.toLowerCase(Locale.ROOT).equals(".git")) {
                return Optional.empty();
            }
        }
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            return Optional.empty();
        }
        List<Path> seen = new ArrayList<>();
        for (Path p = target.getParent(); p != null && !p.equals(root) && !checked.contains(p); p = p.getParent()) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // not there yet: it will be made a folder
            }
            if (!attrs.isDirectory()) {
                return Optional.empty(); // a link or a file where a folder goes
            }
            seen.add(p);
        }
        checked.addAll(seen);
        return Optional.of(target);
    }

    private static void copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[8192];
        long left = limit;
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
            out.write(buf, 0, n);
            left -= n;
        }
    }

    /** A folder to materialise trees into; closing it removes the folder and everything in it. */
    public record Workspace(Path root, Cleanup cleanup) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            cleanup.run();
        }
    }

    /** How a workspace is removed. */
    @FunctionalInterface
    public interface Cleanup {
        void run() throws IOException;
    }

    /**
     * A workspace for trees of {@code bytes} in all: in memory (a Jimfs file system) when they take
     * at most a quarter of the heap, else a temporary folder on disk. Writing thousands of small
     * files costs more than compiling them on some disks: the 3,000-file tree of the benchmarks took
     * 3 s to write on disk on the 2-core machine, and 0.15 s in memory.
     */
    public static Workspace workspace(long bytes, String name) throws IOException {
        if (bytes <= Runtime.getRuntime().maxMemory() / 4) {
            java.nio.file.FileSystem memory = com.google.common.jimfs.Jimfs.newFileSystem(com.google.common.jimfs.Configuration.unix());
            return new Workspace(Files.createDirectories(memory.getPath("/" + name)), memory::close);
        }
        Path root = Files.createTempDirectory(name + "-");
        return new Workspace(root, () -> deleteTree(root));
    }

    /** Deletes a folder this class wrote, without following links. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() {
        repository.close();
    }
}
