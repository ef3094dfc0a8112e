package dev.faultline.cli;

import static dev.faultline.testing.TestTrees.copy;
import static dev.faultline.testing.TestTrees.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline diff}, {@code lock}, {@code check} and {@code codeowners} through the command line, with exit codes. */
class DiffCommandTest {
    private static final Path BEFORE = Path.of("../samples/support-agent/before");
    private static final Path AFTER = Path.of("../samples/support-agent/after");
    private static final String SUPPORT_AGENT = "src/main/java/com/acme/support/agent/SupportAgent.java";
    private static final String OWNERS = """
            version: 1
            owners:
              control-plane: ["@acme/security"]
              data-plane: ["@acme/prompt-team"]
            """;

    @TempDir
    Path dir;

    @Test
    void demoBlocksAndExitsFour() {
        CliRun r = CliRun.run("diff", BEFORE.toString(), AFTER.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).startsWith("**Faultline verdict: `block`**")
                .contains("### Data plane — eval gate")
                .contains("### Control plane — security sign-off")
                .contains("| tool-added | `BillingAdminTools/adjustBilling` |")
                .contains("`BILLING_ADMIN_TOKEN`")
                .contains("opens a taint path from output of TicketTools/getTicket and entry point support-ticket of agent SupportAgent"
                        + " to BillingAdminTools/adjustBilling")
                .contains("<details>");
        assertThat(r.out().indexOf("### Data plane")).isLessThan(r.out().indexOf("### Control plane"));
    }

    @Test
    void demoJsonAndSarifCarryTheNewFindingsOnly() {
        CliRun json = CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--format", "json");
        assertThat(json.out()).contains("\"verdict\" : \"block\"")
                .contains("\"kind\" : \"credential-added\"")
                .contains("\"key\" : \"SupportAgent:BillingAdminTools/adjustBilling\"");
        CliRun sarif = CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--format", "sarif");
        assertThat(sarif.out()).contains("SupportAgent:BillingAdminTools/adjustBilling")
                .doesNotContain("SupportAgent:CustomerReplyTools/replyToCustomer");
    }

    @Test
    void promptOnlyChangeSaysEvalReviewAndExitsZero() throws IOException {
        Path base = copy(BEFORE, dir.resolve("base"));
        Path head = copy(BEFORE, dir.resolve("head"));
        edit(head.resolve(SUPPORT_AGENT), "Answer politely and concisely", "Answer warmly and briefly");
        CliRun r = CliRun.run("diff", base.toString(), head.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).startsWith("**Faultline verdict: `eval-review`**");
        assertThat(CliRun.run("diff", base.toString(), head.toString(), "--fail-on", "eval-review").exit()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--fail-on", "maybe").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--format", "dot").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.run("diff", "--base", "HEAD", BEFORE.toString(), AFTER.toString()).exit()).isEqualTo(ExitCodes.USAGE);
        CliRun notGit = CliRun.run("diff", "--base", "HEAD", dir.toString());
        assertThat(notGit.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(notGit.err()).contains("not inside a git repository");
        assertThat(CliRun.run("diff", "--help").out()).contains("Exit codes:").contains("--fail-on");
    }

    @Test
    void diffOfTwoCommitsInARealRepository() throws Exception {
        Path repo = dir.resolve("repo");
        copy(BEFORE, repo);
        Files.writeString(repo.resolve("faultline.yaml"), OWNERS);
        PersonIdent who = new PersonIdent("Test", "test@example.com");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("support agent").setAuthor(who).setCommitter(who).call();
            git.checkout().setCreateBranch(true).setName("billing").call();
            copy(AFTER, repo);
            Files.writeString(repo.resolve("faultline.yaml"), OWNERS);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("billing admin tool").setAuthor(who).setCommitter(who).call();
        }

        CliRun r = CliRun.run("diff", "--base", "HEAD~1", "--head", "HEAD", repo.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).startsWith("**Faultline verdict: `block`**").contains("`@acme/security`").contains("`@acme/prompt-team`")
                .contains("base `HEAD~1 (");
        for (int run = 0; run < 2; run++) {
            CliRun cached = CliRun.run("diff", "--base", "HEAD~1", "--head", "HEAD", repo.toString(), "--cache", dir.resolve("cache").toString());
            assertThat(cached.out()).as("run %d with a facts cache", run).isEqualTo(r.out());
        }
        Path inside = repo.resolve(".faultline-cache");
        CliRun inRepo = CliRun.run("diff", "--base", "HEAD~1", "--head", "HEAD", repo.toString(), "--cache", inside.toString());
        assertThat(inRepo.out()).isEqualTo(r.out());
        assertThat(inRepo.err()).contains("the facts cache " + inside.toAbsolutePath().normalize() + " is inside " + repo
                + ", which a commit could write; it is not used");
        assertThat(inside).doesNotExist();

        CliRun defaults = CliRun.run("diff", repo.toString(), "--format", "json");
        assertThat(defaults.exit()).as(defaults.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(defaults.out()).contains("\"base\" : \"merge-base(HEAD, main) (").contains("\"head\" : \"working tree\"");

        edit(repo.resolve(SUPPORT_AGENT), "Answer politely and concisely", "Answer warmly and briefly");
        CliRun working = CliRun.run("diff", "--base", "HEAD", repo.toString());
        assertThat(working.exit()).as(working.err()).isEqualTo(ExitCodes.CLEAN);
        assertThat(working.out()).startsWith("**Faultline verdict: `eval-review`**");

        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.status().call().getModified()).containsExactly(SUPPORT_AGENT);
        }
    }

    @Test
    void oneComparisonWritesEveryFormatAskedFor() throws IOException {
        Path sarif = dir.resolve("diff.sarif");
        Path json = dir.resolve("diff.json");
        CliRun r = CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--also", "sarif=" + sarif, "--also", "json=" + json);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).isEqualTo(CliRun.run("diff", BEFORE.toString(), AFTER.toString()).out());
        assertThat(Files.readString(sarif)).isEqualTo(CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--format", "sarif").out());
        assertThat(Files.readString(json)).isEqualTo(CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--format", "json").out());
        assertThat(CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--also", "pdf=" + dir.resolve("x.pdf")).exit())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void lockIsUpToDateThenStale() throws IOException {
        Path project = copy(BEFORE, dir.resolve("project"));
        Files.writeString(project.resolve("faultline.yaml"), OWNERS);

        CliRun missing = CliRun.run("check", project.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(missing.out()).contains("faultline.lock is missing");

        assertThat(CliRun.run("lock", project.toString()).exit()).isEqualTo(ExitCodes.CLEAN);
        String lock = Files.readString(project.resolve("faultline.lock"));
        assertThat(lock).contains("tool CustomerReplyTools/replyToCustomer class irreversible")
                .contains("finding taint-path SupportAgent:CustomerReplyTools/replyToCustomer");
        assertThat(CliRun.run("lock", project.toString()).exit()).isEqualTo(ExitCodes.CLEAN);
        assertThat(Files.readString(project.resolve("faultline.lock"))).isEqualTo(lock);
        assertThat(CliRun.run("check", project.toString()).exit()).isEqualTo(ExitCodes.CLEAN);

        copy(AFTER.resolve("src"), dir.resolve("after-src"));
        try (Stream<Path> files = Files.walk(dir.resolve("after-src"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = project.resolve("src").resolve(dir.resolve("after-src").relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        CliRun stale = CliRun.run("check", project.toString());
        assertThat(stale.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(stale.out()).contains("faultline.lock is stale")
                .contains("+ tool BillingAdminTools/adjustBilling class privileged")
                .contains("+ tool BillingAdminTools/adjustBilling credential BILLING_ADMIN_TOKEN")
                .contains("faultline lock " + project.toString().replace('\\', '/'));
    }

    @Test
    void codeownersRoutesEachPlaneToItsOwners() throws IOException {
        Path project = copy(AFTER, dir.resolve("project"));
        Files.writeString(project.resolve("faultline.yaml"), OWNERS);
        Files.createDirectories(project.resolve("src/main/resources/prompts"));
        Files.writeString(project.resolve("src/main/resources/prompts/persona.txt"), "Be kind.\n");

        CliRun r = CliRun.run("codeowners", project.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
        assertThat(r.out()).contains("/src/main/java/com/acme/support/tools/BillingAdminTools.java @acme/security")
                .contains("/" + SUPPORT_AGENT + " @acme/prompt-team")
                .contains("/src/main/resources/prompts/persona.txt @acme/prompt-team")
                .contains("/faultline.yaml @acme/security")
                .doesNotContain("Ticket.java ");
        assertThat(r.out().strip()).endsWith("/faultline.lock @acme/security  # the capability lock");

        Path noOwners = copy(BEFORE, dir.resolve("no-owners"));
        Files.delete(noOwners.resolve("faultline.yaml"));
        assertThat(CliRun.run("codeowners", noOwners.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void graphOfTheChangeMarksWhatTheChangeAdds() throws IOException {
        Path dot = dir.resolve("change.dot");
        CliRun r = CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--graph", dot.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(Files.readString(dot)).contains("adjustBilling\\nprivileged\\nadded").contains("label=\"+ taint\"")
                .contains("BILLING_ADMIN_TOKEN\\nenv\\nadded");
    }

    @Test
    void htmlShowsTheTwoPlanesSideBySide() throws IOException {
        Path page = dir.resolve("diff.html");
        CliRun r = CliRun.run("diff", BEFORE.toString(), AFTER.toString(), "--format", "html", "--output", page.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        String html = Files.readString(page);
        assertThat(html).contains("default-src 'none'").doesNotContain("<script")
                .contains("<section class=\"plane data\"><h2>Data plane — eval gate</h2>")
                .contains("<section class=\"plane control\"><h2>Control plane — security sign-off</h2>")
                .contains("<td>tool-added</td><td><code>BillingAdminTools/adjustBilling</code></td>")
                .contains("SupportAgent -&gt; BillingAdminTools/adjustBilling")
                .containsAnyOf("<svg", "<pre>digraph");
    }
}
