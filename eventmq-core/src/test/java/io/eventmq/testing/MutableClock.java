package io.eventmq.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that stands still until a test moves it. Thread-safe. */
public final class MutableClock implements InstantSource {

    private volatile long millis;

    public MutableClock() {
        this(1_000_000L);
    }

    public MutableClock(long startMillis) {
        this.millis = startMillis;
    }

    public synchronized void advance(Duration step) {
        millis += step.toMillis();
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
