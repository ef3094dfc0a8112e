package dev.faultline.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.report.Location;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every way a parse can end becomes a value or a {@link DocException} for the file. */
class ParseBudgetTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @Test
    void valueComesBack() throws DocException {
        assertThat(ParseBudget.run("a.json", BUDGET, () -> "ok")).isEqualTo("ok");
    }

    @Test
    void docExceptionPassesThroughUnchanged() {
        DocException e = new DocException("bad", Location.at("a.json", 2, 3));
        assertThatThrownBy(() -> ParseBudget.run("a.json", BUDGET, () -> {
            throw e;
        })).isSameAs(e);
    }

    @Test
    void overTheBudgetFailsAtOnceAndTheWorkerIsInterrupted() throws InterruptedException {
        java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> ParseBudget.run("slow.yaml", Duration.ofMillis(200), () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        })).isInstanceOf(DocException.class).hasMessage("took longer than 200 ms to parse (--file-timeout-seconds)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void stackOverflowBecomesAFailure() {
        assertThatThrownBy(() -> ParseBudget.run("deep.java", BUDGET, ParseBudgetTest::recurse))
                .isInstanceOf(DocException.class).hasMessage("nested too deeply to parse (stack overflow)");
    }

    private static Integer recurse() {
        return recurse() + 1;
    }

    @Test
    void outOfMemoryAndParserBugsBecomeFailures() {
        assertThatThrownBy(() -> ParseBudget.run("big.json", BUDGET, () -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(DocException.class).hasMessage("ran out of memory while parsing");
        assertThatThrownBy(() -> ParseBudget.run("odd.json", BUDGET, () -> {
            throw new IllegalStateException("parser bug");
        })).isInstanceOf(DocException.class).hasMessage("the parser failed (IllegalStateException); please report it");
    }

    @Test
    void describesBudgets() {
        assertThat(ParseBudget.describe(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(ParseBudget.describe(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(ParseBudget.describe(Duration.ofMillis(20))).isEqualTo("20 ms");
    }

    @Test
    void largeStackRunsWorkAndRethrows() {
        int[] ran = {0};
        ParseBudget.onLargeStack(() -> ran[0]++);
        assertThat(ran[0]).isEqualTo(1);
        assertThatThrownBy(() -> ParseBudget.onLargeStack(() -> {
            throw new IllegalArgumentException("x");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("x");
    }
}
