package dev.faultline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Materialising git trees never writes outside the target folder, and writes a blob two trees share once. */
class GitTreesTest {
    @TempDir
    Path dir;

    @Test
    void refusesPathsThatEscapeOrHideInGitFolders() throws Exception {
        assertThat(GitTrees.safeTarget(dir, "src/A.java")).contains(dir.resolve("src/A.java"));
        assertThat(GitTrees.safeTarget(dir, "../evil")).isEmpty();
        assertThat(GitTrees.safeTarget(dir, "a/../../evil")).isEmpty();
        assertThat(GitTrees.safeTarget(dir, "/etc/passwd")).isEmpty();
        assertThat(GitTrees.safeTarget(dir, ".git/hooks/pre-commit")).isEmpty();
        assertThat(GitTrees.safeTarget(dir, "a//b")).isEmpty();
        assertThat(GitTrees.safeTarget(dir, "a\\..\\b")).isEmpty();
        Files.createSymbolicLink(dir.resolve("link"), dir.getParent());
        assertThat(GitTrees.safeTarget(dir, "link/escaped")).isEmpty();
    }

    @Test
    void pathGlobsCrossFoldersOnlyWithDoubleStar() {
        assertThat(PathGlob.of("**/prompts/**").matches("prompts/a.txt")).isTrue();
        assertThat(PathGlob.of("**/prompts/**").matches("src/main/resources/prompts/x/a.txt")).isTrue();
        assertThat(PathGlob.of("**/*.tools.json").matches("snapshots/GitHub.tools.json")).isTrue();
        assertThat(PathGlob.of("config/*.yaml").matches("config/sub/a.yaml")).isFalse();
    }

    @Test
    void treesThatFitAQuarterOfTheHeapAreWrittenToMemoryAndLargerOnesToATemporaryFolder() throws IOException {
        Path onDisk;
        try (GitTrees.Workspace small = GitTrees.workspace(1_000_000, "faultline-test");
             GitTrees.Workspace large = GitTrees.workspace(Runtime.getRuntime().maxMemory(), "faultline-test")) {
            assertThat(small.root().getFileSystem()).isNotEqualTo(java.nio.file.FileSystems.getDefault());
            assertThat(large.root().getFileSystem()).isEqualTo(java.nio.file.FileSystems.getDefault());
            onDisk = large.root();
            Files.writeString(Files.createDirectories(small.root().resolve("src")).resolve("A.java"), "class A {}");
            Files.writeString(Files.createDirectories(large.root().resolve("src")).resolve("A.java"), "class A {}");
            assertThat(Files.readString(small.root().resolve("src/A.java"))).isEqualTo("class A {}");
        }
        assertThat(onDisk).doesNotExist();
    }

    @Test
    void aBlobTwoTreesShareIsWrittenOnceAndLinkedInTheSecond() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("src/Same.java"), "class Same {}");
        Files.writeString(repo.resolve("src/Changed.java"), "class Changed { int v = 1; }");
        PersonIdent who = new PersonIdent("Dev", "dev@example.com", java.time.Instant.parse("2026-12-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("base").setAuthor(who).setCommitter(who).setSign(false).call();
            Files.writeString(repo.resolve("src/Changed.java"), "class Changed { int v = 2; }");
            Files.writeString(repo.resolve("src/Copy.java"), "class Same {}");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("head").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        for (long bytes : new long[] {1_000_000, Runtime.getRuntime().maxMemory()}) { // in memory, then on disk
            try (GitTrees trees = GitTrees.open(repo); GitTrees.Workspace workspace = GitTrees.workspace(bytes, "faultline-test")) {
                GitTrees.Revision base = trees.resolve("HEAD~1");
                GitTrees.Revision head = trees.resolve("HEAD");
                assertThat(trees.size(List.of(base, head), 1000)).as("each blob counted once").isEqualTo(
                        "class Same {}".length() + 2L * "class Changed { int v = 1; }".length());
                Path b = workspace.root().resolve("base");
                Path h = workspace.root().resolve("head");
                assertThat(trees.materialise(base, Files.createDirectories(b), 1000)).isEqualTo(2);
                assertThat(trees.materialise(head, Files.createDirectories(h), 1000)).isEqualTo(3);
                assertThat(Files.isSameFile(b.resolve("src/Same.java"), h.resolve("src/Same.java"))).isTrue();
                assertThat(Files.isSameFile(b.resolve("src/Same.java"), h.resolve("src/Copy.java"))).isTrue();
                assertThat(Files.readString(h.resolve("src/Changed.java"))).isEqualTo("class Changed { int v = 2; }");
                assertThat(Files.readString(b.resolve("src/Changed.java"))).isEqualTo("class Changed { int v = 1; }");

                GitTrees.deleteTree(b);
                GitTrees.deleteTree(h);
                Path again = Files.createDirectories(workspace.root().resolve("again"));
                assertThat(trees.materialise(head, again, 1000)).as("the first copies are gone: written anew").isEqualTo(3);
                assertThat(Files.readString(again.resolve("src/Copy.java"))).isEqualTo("class Same {}");
            }
        }
    }
}
