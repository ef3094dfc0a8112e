package dev.faultline.ingest;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress of a long scan: Java files read and parsed out of the total. {@link #NONE} shows
 * nothing; {@link #onTerminal} draws a one-line bar on stderr, and only when stderr is a terminal,
 * so a redirected or piped scan never carries progress text.
 */
public interface Progress {
    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(int total) {
        }

        @Override
        public void update(int read, int parsed) {
        }

        @Override
        public void done() {
        }
    };

    /** The scan will read {@code total} files. */
    void start(int total);

    /** {@code read} files read so far, {@code parsed} of them parsed. */
    void update(int read, int parsed);

    /** The scan is over: clear whatever was drawn. */
    void done();

    /** A bar on {@code System.err} when the process has a console, otherwise {@link #NONE}. */
    static Progress onTerminal() {
        return System.console() == null ? NONE : new Bar(System.err, System::nanoTime, 200_000_000L, 500);
    }

    /**
     * A one-line bar redrawn with carriage returns, at most every {@code intervalNanos}, and only for
     * scans of at least {@code minFiles} files (a small scan is over before a bar helps).
     */
    final class Bar implements Progress {
        private final PrintStream out;
        private final LongSupplier clock;
        private final long intervalNanos;
        private final int minFiles;
        private int total;
        private long started;
        private long lastDrawn;
        private boolean drawn;

        /** A bar drawing on {@code out}, timed by {@code clock} (nanoseconds). */
        public Bar(PrintStream out, LongSupplier clock, long intervalNanos, int minFiles) {
            this.out = out;
            this.clock = clock;
            this.intervalNanos = intervalNanos;
            this.minFiles = minFiles;
        }

        @Override
        public void start(int total) {
            this.total = total;
            this.started = clock.getAsLong();
            this.lastDrawn = started;
        }

        @Override
        public void update(int read, int parsed) {
            long now = clock.getAsLong();
            if (total < minFiles || now - lastDrawn < intervalNanos) {
                return;
            }
            lastDrawn = now;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * Math.min(read, total) / total);
            double seconds = Math.max(1e-9, (now - started) / 1e9);
            out.print("\r[" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + read + "/" + total + " Java files read, "
                    + parsed + " parsed, " + Math.round(read / seconds) + " files/s ");
            out.flush();
            drawn = true;
        }

        @Override
        public void done() {
            if (drawn) {
                out.print("\r" + " ".repeat(100) + "\r");
                out.flush();
                drawn = false;
            }
        }
    }
}
