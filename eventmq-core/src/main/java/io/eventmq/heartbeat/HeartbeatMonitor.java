package io.eventmq.heartbeat;

import java.time.InstantSource;
import java.util.Objects;

/**
 * The reference's heartbeat rules as a state machine. It decides; the device acts: send a HEARTBEAT when
 * {@link #shouldSend()}, call {@link #checkMiss()} when woken, treat the peer as dead when {@link #isDead()},
 * and poll no longer than {@link #millisUntilNextDeadline()}. Any message received counts as a heartbeat.
 * One thread, the device's I/O thread, drives it; {@link #misses()} and {@link #lastReceivedMillis()} may be
 * read from any thread (health checks read them).
 */
public final class HeartbeatMonitor {

    /** What {@link #millisUntilNextDeadline()} answers when heartbeats are disabled: wait without end. */
    public static final long NO_DEADLINE = -1;

    private final InstantSource clock;
    private final HeartbeatSettings settings;
    private final long intervalMillis;
    private final long timeoutMillis;
    private long lastSent;
    private long missWindowStart;
    private volatile long lastReceived;
    private volatile int misses;

    public HeartbeatMonitor(InstantSource clock, HeartbeatSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.intervalMillis = settings.interval().toMillis();
        this.timeoutMillis = settings.timeout().toMillis();
        reset();
    }

    public HeartbeatSettings settings() {
        return settings;
    }

    public boolean isEnabled() {
        return settings.enabled();
    }

    /** Something was sent to the peer: the next HEARTBEAT is due one interval from now. */
    public void sent() {
        lastSent = clock.millis();
    }

    /** Something arrived from the peer: it is alive, the misses start again from zero. */
    public void received() {
        missWindowStart = clock.millis();
        lastReceived = missWindowStart;
        misses = 0;
    }

    /** Whether to send a HEARTBEAT now: nothing was sent for {@code interval}. */
    public boolean shouldSend() {
        return settings.enabled() && now() - lastSent >= intervalMillis;
    }

    /**
     * Counts a miss when {@code timeout} passed with nothing received since the last miss or message.
     *
     * @return whether a miss was counted
     */
    public boolean checkMiss() {
        long now = now();
        if (!settings.enabled() || now - missWindowStart < timeoutMillis) {
            return false;
        }
        misses++;
        missWindowStart = now;
        return true;
    }

    /** Consecutive misses since the last message received. Any thread. */
    public int misses() {
        return misses;
    }

    /** The clock's millis when the peer was last heard from, or when the connection began. Any thread. */
    public long lastReceivedMillis() {
        return lastReceived;
    }

    /** The peer is dead: {@code liveness} consecutive misses. */
    public boolean isDead() {
        return settings.enabled() && misses >= settings.liveness();
    }

    /** A new connection: nothing owed, nothing missed, both clocks start now. */
    public void reset() {
        long now = clock.millis();
        lastSent = now;
        missWindowStart = now;
        lastReceived = now;
        misses = 0;
    }

    /** Milliseconds until a HEARTBEAT is due or a miss would count; {@link #NO_DEADLINE} when disabled. */
    public long millisUntilNextDeadline() {
        if (!settings.enabled()) {
            return NO_DEADLINE;
        }
        long now = now();
        long next = Math.min(lastSent + intervalMillis, missWindowStart + timeoutMillis);
        return Math.max(0, next - now);
    }

    /**
     * The clock's time. A clock that steps back (a wall clock set back) would leave both marks in the future
     * and silence heartbeats and misses for the length of the step; the marks are moved back to it.
     */
    private long now() {
        long now = clock.millis();
        lastSent = Math.min(lastSent, now);
        missWindowStart = Math.min(missWindowStart, now);
        return now;
    }
}
