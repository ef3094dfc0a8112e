package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.ingest.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The scan's progress bar: drawn only on a terminal, never in redirected output. */
class ProgressOutputTest {
    @TempDir
    Path dir;

    @Test
    void withoutATerminalAScanPrintsNoProgress() throws Exception {
        assertThat(System.console()).as("tests run without a console").isNull();
        assertThat(Progress.onTerminal()).isSameAs(Progress.NONE);
        for (int i = 0; i < 600; i++) {
            Files.writeString(dir.resolve("C" + i + ".java"), "package p;\nclass C" + i + " { int x; }\n");
        }
        PrintStream realErr = System.err;
        ByteArrayOutputStream processErr = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit;
        try {
            System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
            CommandLine cl = FaultlineCommand.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            exit = cl.execute("scan", dir.toString(), "--fail-on", "none");
        } finally {
            System.setErr(realErr);
        }
        assertThat(exit).isEqualTo(ExitCodes.CLEAN);
        String all = processErr.toString(StandardCharsets.UTF_8) + err;
        assertThat(all).doesNotContain("files read").doesNotContain("\r").doesNotContain("files/s");
    }

    @Test
    void onATerminalTheBarShowsFilesTotalAndRateThenClears() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress bar = new Progress.Bar(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get, 200_000_000L, 10);
        bar.start(1000);
        clock.set(100_000_000L);
        bar.update(10, 1);
        assertThat(bytes.size()).as("not before the first interval").isZero();
        clock.set(1_000_000_000L);
        bar.update(500, 20);
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\r[===============               ] 500/1000 Java files read, 20 parsed, 500 files/s");
        bar.done();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r");
    }

    @Test
    void aSmallScanDrawsNothingEvenOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress bar = new Progress.Bar(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get, 1, 500);
        bar.start(20);
        clock.set(10_000_000_000L);
        bar.update(20, 20);
        bar.done();
        assertThat(bytes.size()).isZero();
    }
}
