package dev.faultline.doc;

import dev.faultline.report.Location;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the parse of one input file under its time budget ({@link ReadLimits#parseTimeout()}), on a
 * daemon worker thread with a large stack, and turns every way a parse can blow up into a
 * {@link DocException} for that file: over the budget, stack overflow, out of memory, a parser bug.
 * Idle workers are reused: starting a thread with a large stack costs about as much as parsing a
 * small method body, and a scan parses thousands of those.
 *
 * <p>Parsers cannot be stopped from outside (JavaParser has no cancellation), so on timeout the
 * worker is interrupted and abandoned: the scan goes on at once, on another worker. A parse that
 * reads its text through {@link #interruptible(Reader)} stops at its next read; the abandoned thread
 * is a daemon and never touches shared state, because the task only turns text into a value that is
 * then dropped.
 */
public final class ParseBudget {
    /** Stack of a parse worker: deep but bounded nesting parses instead of overflowing. */
    static final long STACK_BYTES = 64L * 1024 * 1024;

    /** A parse of one file: pure, from text to a value. */
    @FunctionalInterface
    public interface Parse<T> {
        T run() throws DocException;
    }

    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newCachedThreadPool(work -> {
        Thread worker = new Thread(null, work, "faultline-parse", STACK_BYTES);
        worker.setDaemon(true);
        return worker;
    });

    private ParseBudget() {
    }

    /**
     * The value of {@code parse}, or a {@link DocException} at {@code path} saying why there is none.
     * {@code DocException}s of the parse pass through unchanged.
     */
    public static <T> T run(String path, Duration budget, Parse<T> parse) throws DocException {
        java.util.concurrent.Future<T> out = WORKERS.submit(parse::run);
        try {
            return out.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            out.cancel(true);
            throw new DocException("took longer than " + describe(budget) + " to parse (--file-timeout-seconds)",
                    Location.file(path));
        } catch (InterruptedException e) {
            out.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocException("interrupted while parsing", Location.file(path));
        } catch (ExecutionException e) {
            throw asDocException(path, e.getCause());
        }
    }

    private static DocException asDocException(String path, Throwable cause) {
        if (cause instanceof DocException d) {
            return d;
        }
        if (cause instanceof StackOverflowError) {
            return new DocException("nested too deeply to parse (stack overflow)", Location.file(path));
        }
        if (cause instanceof OutOfMemoryError) {
            return new DocException("ran out of memory while parsing", Location.file(path));
        }
        return new DocException("the parser failed (" + cause.getClass().getSimpleName() + "); please report it",
                Location.file(path));
    }

    /**
     * Runs {@code work} on a thread with the large stack of a parse worker and waits for it, with no
     * time limit; what it throws comes out here. For walks over trees a parse accepted.
     */
    public static void onLargeStack(Runnable work) {
        allOnLargeStacks(java.util.List.of(work));
    }

    /**
     * Runs each piece of {@code work} on a thread of its own with the large stack of a parse worker,
     * all at once, and waits for all of them; the first thing one throws comes out here, once all
     * have ended.
     */
    public static void allOnLargeStacks(java.util.List<Runnable> work) {
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        Throwable[] first = new Throwable[1];
        for (Runnable w : work) {
            Thread t = new Thread(null, () -> {
                try {
                    w.run();
                } catch (Throwable e) {
                    synchronized (first) {
                        if (first[0] == null) {
                            first[0] = e;
                        }
                    }
                }
            }, "faultline-walk", STACK_BYTES);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (first[0] instanceof RuntimeException r) {
            throw r;
        }
        if (first[0] instanceof Error err) {
            throw err;
        }
        if (first[0] != null) {
            throw new IllegalStateException(first[0]);
        }
    }

    /** {@code 10 s}, {@code 1.5 s} or {@code 20 ms}. */
    static String describe(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** A reader that fails its next read once the reading thread has been interrupted (the budget is over). */
    public static Reader interruptible(Reader in) {
        return new Reader() {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("parse abandoned: over the time budget");
                }
                return in.read(buf, off, len);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Throws when the current parse has been abandoned; for loops that do not read. */
    static void checkNotAbandoned(String path) throws DocException {
        if (Thread.currentThread().isInterrupted()) {
            throw new DocException("parse abandoned: over the time budget", Location.file(path));
        }
    }
}
