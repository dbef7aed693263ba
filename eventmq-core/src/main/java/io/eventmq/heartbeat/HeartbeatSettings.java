package io.eventmq.heartbeat;

import java.time.Duration;
import java.util.Objects;

/**
 * The heartbeat rules' numbers, with the reference's defaults.
 *
 * @param interval send a HEARTBEAT when nothing else was sent for this long (reference: 3 s)
 * @param timeout  count a miss each time this passes with nothing received (reference: 5 s)
 * @param liveness the peer is dead after this many consecutive misses (reference: 3)
 * @param enabled  {@code false} turns heartbeats off on this side: nothing sent, no misses counted
 */
public record HeartbeatSettings(Duration interval, Duration timeout, int liveness, boolean enabled) {

    /** The monitor counts whole milliseconds: anything shorter would be 0, always due. */
    private static final Duration SHORTEST = Duration.ofMillis(1);

    public static final HeartbeatSettings DEFAULTS =
            new HeartbeatSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), 3, true);

    public static final HeartbeatSettings DISABLED =
            new HeartbeatSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), 3, false);

    public HeartbeatSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("heartbeat interval must be 1 ms or more, was " + interval);
        }
        if (timeout.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("heartbeat timeout must be 1 ms or more, was " + timeout);
        }
        if (liveness < 1) {
            throw new IllegalArgumentException("heartbeat liveness must be 1 or more, was " + liveness);
        }
    }

    /** How long a silent peer takes to be found dead: {@code timeout × liveness}. */
    public Duration deadAfter() {
        return timeout.multipliedBy(liveness);
    }
}
