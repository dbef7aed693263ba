package io.eventmq.device;

import java.time.Duration;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** Settings and messages for loopback tests. */
final class TestSettings {

    /** A HEARTBEAT every 100 ms, a miss per 300 ms of silence, the router dead after 3 misses. */
    static final HeartbeatSettings FAST_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(100), Duration.ofMillis(300), 3, true);

    private TestSettings() {
    }

    /**
     * A worker on the reference's heartbeat timings (a scripted router that sends no heartbeats is taken for
     * dead only after 15 s, longer than any test); INFORM resent after 2 s, 5 s grace period.
     */
    static ServiceSettings worker(String address, int concurrency) {
        return ServiceSettings.DEFAULTS.withAddress(address).withConcurrency(concurrency)
                .withReconnectTimeout(Duration.ofSeconds(2))
                .withGracePeriod(Duration.ofSeconds(5));
    }

    /** A REQUEST on queue {@code default}. */
    static Message request(String msgid, String headers, String payload) {
        return Message.withId(Command.REQUEST, msgid, "default", headers, payload);
    }
}
