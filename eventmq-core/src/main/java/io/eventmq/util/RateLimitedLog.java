package io.eventmq.util;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * WARN (or INFO) lines, at most a burst per kind per interval, so that a peer sending garbage cannot flood the
 * log: the first lines of a kind are logged, the next ones in the interval are counted, and the next line, or
 * {@link #flush()}, says how many were not logged. One thread only, as a device's I/O thread.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final int burst;
    private final Map<Object, Window> windows = new HashMap<>();

    private static final class Window {
        final boolean warn;
        long openedAt;
        int logged = 1;
        long suppressed;

        Window(boolean warn, long openedAt) {
            this.warn = warn;
            this.openedAt = openedAt;
        }
    }

    public RateLimitedLog(Logger log, Duration interval) {
        this(log, interval, 1);
    }

    /** Logs up to {@code burst} lines of a kind per interval. */
    public RateLimitedLog(Logger log, Duration interval, int burst) {
        this(log, interval, burst, System::nanoTime);
    }

    RateLimitedLog(Logger log, Duration interval, LongSupplier nanoClock) {
        this(log, interval, 1, nanoClock);
    }

    RateLimitedLog(Logger log, Duration interval, int burst, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Logs {@code line} at WARN unless a burst of lines of this {@code kind} was logged within the interval. */
    public void warn(Object kind, String line) {
        log(true, kind, line);
    }

    /** As {@link #warn}, at INFO: for what a peer may do often, as joining and leaving. */
    public void info(Object kind, String line) {
        log(false, kind, line);
    }

    private void log(boolean warn, Object kind, String line) {
        long now = nanoClock.getAsLong();
        Window window = windows.get(kind);
        if (window == null) {
            windows.put(kind, new Window(warn, now));
            write(warn, line);
        } else if (now - window.openedAt >= intervalNanos) {
            write(warn, window.suppressed == 0 ? line : line + " (" + window.suppressed + " more " + kind
                    + " not logged before this one)");
            window.openedAt = now;
            window.logged = 1;
            window.suppressed = 0;
        } else if (window.logged < burst) {
            window.logged++;
            write(warn, line);
        } else {
            window.suppressed++;
        }
    }

    private void write(boolean warn, String line) {
        if (warn) {
            log.warn(line);
        } else {
            log.info(line);
        }
    }

    /**
     * Logs how many lines of each kind were not logged, where the interval has passed since its last line.
     * Allocates nothing while nothing was logged: I/O threads call it on every pass.
     */
    public void flush() {
        if (windows.isEmpty()) {
            return;
        }
        long now = nanoClock.getAsLong();
        windows.forEach((kind, window) -> {
            if (window.suppressed > 0 && now - window.openedAt >= intervalNanos) {
                write(window.warn, window.suppressed + " more " + kind + " not logged in the last "
                        + (now - window.openedAt) / 1_000_000_000 + " s");
                window.openedAt = now;
                window.logged = 1;
                window.suppressed = 0;
            }
        });
    }
}
