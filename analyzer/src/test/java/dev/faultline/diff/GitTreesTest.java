package dev.faultline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Materialising git trees never writes outside the target folder. */
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
}
