package dev.faultline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.doc.ReadLimits;
import dev.faultline.pipeline.Pipeline;
import dev.faultline.rules.RuleCatalog;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history of a scripted git repository, with exact expected timelines. */
class HistoryWalkerTest {
    private static final String MANIFEST = """
            version: 1
            agents:
              - name: desk
                tools: ["fs/*", "chat/*"]
            """;

    @TempDir
    Path repo;

    private Git git;
    private int day;

    @BeforeEach
    void script() throws Exception {
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        write("faultline.yaml", MANIFEST);
        write("prompts/system.prompt", "You are a desk assistant.\n");
        write("snapshots/fs.tools.json", tools("fs", tool("read_file", "Read a file.", "\"readOnlyHint\": true")));
        commit("Ada", "Add the filesystem tools");
        write("snapshots/chat.tools.json", tools("chat", tool("post_message", "Post a message to a channel.",
                "\"readOnlyHint\": false") + ",\n" + tool("read_messages", "Read the latest messages of a public channel.",
                "\"readOnlyHint\": true, \"openWorldHint\": true")));
        commit("Ada", "Add the chat tool");
        write("snapshots/fs.tools.json", tools("fs", tool("read_file", "Read a file, or overwrite it.",
                "\"readOnlyHint\": false, \"destructiveHint\": true")));
        commit("Bob", "Let read_file overwrite");
        write("prompts/system.prompt", "You are a terse desk assistant.\n");
        commit("Pat", "Prompt: be terse");
        write("prompts/system.prompt", "You are a terse desk assistant. Tidy up when asked.\n");
        write("snapshots/fs.tools.json", tools("fs", tool("read_file", "Read a file, or overwrite it.",
                "\"readOnlyHint\": false, \"destructiveHint\": true") + ",\n" + tool("delete_file", "Delete a file.",
                "\"readOnlyHint\": false, \"destructiveHint\": true")));
        commit("Bob", "Tidy-up: delete_file tool and prompt");
        git.rm().addFilepattern("snapshots/chat.tools.json").call();
        commit("Ada", "Remove the chat tool");
        write("faultline.yaml", MANIFEST + """
                approvals:
                  - tool: "fs/delete_file"
                    reason: a human confirms every deletion
                """);
        write("faultline.lock", "# lock\n");
        commit("Sam", "Approval for delete_file; lock updated");
    }

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void commit(String author, String subject) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(author, author.toLowerCase() + "@example.com",
                Instant.parse("2025-01-01T10:00:00Z").plusSeconds(86_400L * 10 * day++), ZoneOffset.UTC);
        git.commit().setMessage(subject).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private static String tools(String server, String tools) {
        return "{\"server\": \"" + server + "\", \"tools\": [\n" + tools + "\n]}\n";
    }

    private static String tool(String name, String description, String annotations) {
        return "{\"name\": \"" + name + "\", \"description\": \"" + description + "\", "
                + "\"inputSchema\": {\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}}}, "
                + "\"annotations\": {" + annotations + "}}";
    }

    private static HistoryWalker walker() {
        return new HistoryWalker(new Pipeline(RuleCatalog.load(List.of()), ReadLimits.DEFAULT), ReadLimits.DEFAULT.maxFileBytes());
    }

    private static List<String> rows(History h) {
        return h.events().stream().map(e -> e.commit().subject() + " | " + e.kind() + " | " + e.subject()
                + (e.fused() ? " | fused" : "") + (e.withoutLock() ? " | no lock" : "")).toList();
    }

    private History walk(HistoryWalker.Options options) throws Exception {
        return walker().walk(repo, options);
    }

    @Test
    void timelineOfEveryAuthorityChange() throws Exception {
        History h = walk(new HistoryWalker.Options(false, Optional.empty()));
        assertThat(rows(h)).containsExactly(
                "Add the filesystem tools | tool-added | fs/read_file | fused | no lock",
                "Add the filesystem tools | agent-added | desk | fused | no lock",
                "Add the chat tool | tool-added | chat/post_message | no lock",
                "Add the chat tool | tool-added | chat/read_messages | no lock",
                "Add the chat tool | agent-gains-tool | desk -> chat/post_message | no lock",
                "Add the chat tool | agent-gains-tool | desk -> chat/read_messages | no lock",
                "Add the chat tool | finding-opened | lethal-trifecta desk:chat/post_message+chat/read_messages+fs/read_file | no lock",
                "Add the chat tool | finding-opened | taint-path desk:chat/post_message | no lock",
                "Let read_file overwrite | blast-radius-raised | fs/read_file | no lock",
                "Let read_file overwrite | tool-description-changed | fs/read_file | no lock",
                "Let read_file overwrite | finding-opened | taint-path desk:fs/read_file | no lock",
                "Tidy-up: delete_file tool and prompt | tool-added | fs/delete_file | fused | no lock",
                "Tidy-up: delete_file tool and prompt | agent-gains-tool | desk -> fs/delete_file | fused | no lock",
                "Tidy-up: delete_file tool and prompt | finding-opened | taint-path desk:fs/delete_file | fused | no lock",
                "Remove the chat tool | tool-removed | chat/post_message | no lock",
                "Remove the chat tool | tool-removed | chat/read_messages | no lock",
                "Remove the chat tool | agent-loses-tool | desk -> chat/post_message | no lock",
                "Remove the chat tool | agent-loses-tool | desk -> chat/read_messages | no lock",
                "Remove the chat tool | finding-closed | lethal-trifecta desk:chat/post_message+chat/read_messages+fs/read_file | no lock",
                "Remove the chat tool | finding-closed | taint-path desk:chat/post_message | no lock",
                "Remove the chat tool | finding-closed | taint-path desk:fs/delete_file | no lock",
                "Remove the chat tool | finding-closed | taint-path desk:fs/read_file | no lock",
                "Approval for delete_file; lock updated | approval-added | fs/delete_file",
                "Approval for delete_file; lock updated | gate-added | fs/delete_file");
        AuthorityEvent raised = h.events().get(8);
        assertThat(List.of(raised.before(), raised.after(), raised.blastRadius(), raised.commit().author(), raised.commit().date()))
                .containsExactly("read-only", "irreversible", "irreversible", "Bob", "2025-01-21T10:00:00Z");
    }

    @Test
    void promptOnlyCommitsAreNotCompiledAndFusedAndLockCommitsAreMarked() throws Exception {
        History h = walk(new HistoryWalker.Options(false, Optional.empty()));
        assertThat(h.commitsWalked()).isEqualTo(7);
        assertThat(h.commits()).extracting(c -> c.commit().subject() + (c.fused() ? " [fused]" : "") + (c.lockTouched() ? " [lock]" : ""))
                .containsExactly("Add the filesystem tools [fused]", "Add the chat tool", "Let read_file overwrite",
                        "Tidy-up: delete_file tool and prompt [fused]", "Remove the chat tool",
                        "Approval for delete_file; lock updated [lock]");
        CompiledCommit fused = h.commits().get(3);
        assertThat(fused.controlFiles()).containsExactly("snapshots/fs.tools.json");
        assertThat(fused.dataFiles()).containsExactly("prompts/system.prompt");
        // the empty tree, six commits and the prompt-only tree (the parent of the fused commit); HEAD comes from the cache
        assertThat(h.treesCompiled()).isEqualTo(8);
    }

    @Test
    void inventorySortedByBlastRadiusWithAgeFromHead() throws Exception {
        History h = walk(new HistoryWalker.Options(false, Optional.empty()));
        assertThat(h.inventory()).extracting(r -> r.blastRadius() + " " + r.category() + " " + r.subject() + " " + r.ageDays() + "d "
                        + r.origin().map(CommitRef::subject).orElse("?"))
                .containsExactly("irreversible tool fs/delete_file 20d Tidy-up: delete_file tool and prompt",
                        "irreversible tool fs/read_file 60d Add the filesystem tools",
                        "irreversible gate fs/delete_file 0d Approval for delete_file; lock updated");
    }

    @Test
    void sinceARevisionStartsAfterIt() throws Exception {
        History h = walk(new HistoryWalker.Options(false, Optional.of("HEAD~2")));
        assertThat(h.commitsWalked()).isEqualTo(2);
        assertThat(h.commits()).extracting(c -> c.commit().subject())
                .containsExactly("Remove the chat tool", "Approval for delete_file; lock updated");
        InventoryRow read = h.inventory().get(1);
        assertThat(read.subject()).isEqualTo("fs/read_file");
        assertThat(read.origin()).isEmpty();
        assertThat(read.atLeast()).isTrue();
        assertThat(read.ageDays()).isEqualTo(20);
        History byDate = walk(new HistoryWalker.Options(false, Optional.of("2025-02-15")));
        assertThat(rows(byDate)).isEqualTo(rows(h));
        assertThatThrownBy(() -> walk(new HistoryWalker.Options(false, Optional.of("no-such-thing"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither a revision nor a date");
    }

    @Test
    void allCommitsMatchesFirstParentOnALinearHistoryAndOutputsAreDeterministic() throws Exception {
        History first = walk(new HistoryWalker.Options(false, Optional.empty()));
        History all = walk(new HistoryWalker.Options(true, Optional.empty()));
        assertThat(rows(all)).isEqualTo(rows(first));
        assertThat(json(all)).isEqualTo(json(walk(new HistoryWalker.Options(true, Optional.empty()))));
        StringWriter html = new StringWriter();
        new HistoryHtmlWriter().write(first, html);
        assertThat(html.toString()).contains("<svg", "Let read_file overwrite", "taint-path desk:fs/read_file", "desk -&gt; fs/delete_file")
                .doesNotContain("<script", "-> fs/delete_file");
        assertThat(json(first)).contains("\"kind\" : \"blast-radius-raised\"", "\"ageDays\" : 60");
    }

    @Test
    void aTaintPathThatANewSourceReachesIsWidenedInPlace() throws Exception {
        write("faultline.yaml", """
                version: 1
                agents:
                  - name: desk
                    entry-points:
                      - name: web-form
                        trust: untrusted
                    tools: ["fs/*", "chat/*"]
                approvals:
                  - tool: "fs/delete_file"
                    reason: a human confirms every deletion
                """);
        commit("Ada", "Open the desk to a web form");
        write("snapshots/chat.tools.json", tools("chat", tool("read_messages", "Read the latest messages of a public channel.",
                "\"readOnlyHint\": true, \"openWorldHint\": true")));
        commit("Ada", "Read the public channel again");

        History h = walk(new HistoryWalker.Options(false, Optional.of("HEAD~2")));

        assertThat(rows(h)).filteredOn(r -> r.contains("taint-path")).containsExactly(
                "Open the desk to a web form | finding-opened | taint-path desk:fs/delete_file",
                "Open the desk to a web form | finding-opened | taint-path desk:fs/read_file",
                "Read the public channel again | finding-widened | taint-path desk:fs/delete_file | no lock",
                "Read the public channel again | finding-widened | taint-path desk:fs/read_file | no lock");
        assertThat(h.events()).filteredOn(e -> e.kind().equals("finding-widened")).allSatisfy(e -> {
            assertThat(e.before()).isEmpty();
            assertThat(e.after()).isEqualTo("output of chat/read_messages");
        });
        StringWriter md = new StringWriter();
        new HistoryMarkdownWriter().write(h, md);
        assertThat(md.toString()).contains("| `taint-path desk:fs/read_file` | high | widened (+ output of chat/read_messages) | `");
    }

    @Test
    void firstParentShowsABranchAtItsMergeAndAllShowsItsOwnCommitsToo() throws Exception {
        git.branchCreate().setName("feature").call();
        git.checkout().setName("feature").call();
        write("src/main/java/com/acme/PingTools.java", """
                package com.acme;

                import dev.langchain4j.agent.tool.Tool;

                public class PingTools {
                    @Tool("Checks that a host answers")
                    public String ping(String host) {
                        return "pong " + host;
                    }
                }
                """);
        commit("Jo", "Feature: a Java ping tool");
        git.checkout().setName("main").call();
        write("prompts/system.prompt", "You are a desk assistant on main.\n");
        commit("Pat", "Prompt on main");
        git.merge().include(git.getRepository().resolve("feature")).setCommit(false)
                .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF).call();
        commit("Sam", "Merge feature");
        assertThat(rows(walk(new HistoryWalker.Options(false, Optional.of("HEAD~1")))))
                .containsExactly("Merge feature | tool-added | PingTools/ping | no lock");
        assertThat(rows(walk(new HistoryWalker.Options(true, Optional.of("HEAD~1"))))).containsExactly(
                "Feature: a Java ping tool | tool-added | PingTools/ping | no lock",
                "Merge feature | tool-added | PingTools/ping | no lock");
    }

    @Test
    void commandWritesEachFormatAndRefusesAnUnknownSince() throws Exception {
        Path out = repo.getParent().resolve(repo.getFileName() + "-history.md");
        int code = dev.faultline.cli.FaultlineCommand.commandLine().execute("history", repo.toString(), "--output", out.toString());
        assertThat(code).isZero();
        assertThat(Files.readString(out)).contains("### Timeline", "| `fs/read_file` |", "Approval for delete_file; lock updated");
        for (String format : List.of("json", "html")) {
            Path file = repo.getParent().resolve(repo.getFileName() + "-history." + format);
            assertThat(dev.faultline.cli.FaultlineCommand.commandLine().execute("history", repo.toString(), "-f", format, "-o",
                    file.toString())).isZero();
            assertThat(Files.readString(file)).contains(format.equals("json") ? "\"schemaVersion\" : \"1\"" : "</svg>");
        }
        assertThat(dev.faultline.cli.FaultlineCommand.commandLine().execute("history", repo.toString(), "--since", "yesterday-ish"))
                .isEqualTo(2);
    }

    private static String json(History h) throws Exception {
        StringWriter s = new StringWriter();
        new HistoryJsonWriter().write(h, s);
        return s.toString();
    }
}
