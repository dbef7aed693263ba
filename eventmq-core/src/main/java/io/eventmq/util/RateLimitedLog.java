package io.eventmq.util;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * WARN lines, at most one per kind per interval, so that a peer sending garbage cannot flood the log: the
 * first of a kind is logged, the next ones in the interval are counted, and the next line, or
 * {@link #flush()}, says how many were not logged. One thread only, as a device's I/O thread.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<Object, Window> windows = new HashMap<>();

    private static final class Window {
        long openedAt;
        long suppressed;

        Window(long openedAt) {
            this.openedAt = openedAt;
        }
    }

    public RateLimitedLog(Logger log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    RateLimitedLog(Logger log, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Logs {@code line} at WARN unless a line of this {@code kind} was logged less than an interval ago. */
    public void warn(Object kind, String line) {
        long now = nanoClock.getAsLong();
        Window window = windows.get(kind);
        if (window == null) {
            windows.put(kind, new Window(now));
            log.warn(line);
        } else if (now - window.openedAt >= intervalNanos) {
            log.warn(window.suppressed == 0 ? line : line + " (" + window.suppressed + " more " + kind
                    + " not logged before this one)");
            window.openedAt = now;
            window.suppressed = 0;
        } else {
            window.suppressed++;
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
                log.warn("{} more {} not logged in the last {} s", window.suppressed, kind,
                        (now - window.openedAt) / 1_000_000_000);
                window.openedAt = now;
                window.suppressed = 0;
            }
        });
    }
}
