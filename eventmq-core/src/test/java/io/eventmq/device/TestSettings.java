package io.eventmq.device;

import java.time.Duration;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** Short timings for loopback tests. */
final class TestSettings {

    private TestSettings() {
    }

    /** Heartbeat every 100 ms, a miss per 300 ms of silence, dead after 3; INFORM resent after 2 s. */
    static ServiceSettings fast(String address, int concurrency) {
        return ServiceSettings.DEFAULTS.withAddress(address).withConcurrency(concurrency)
                .withHeartbeat(new HeartbeatSettings(Duration.ofMillis(100), Duration.ofMillis(300), 3, true))
                .withReconnectTimeout(Duration.ofSeconds(2))
                .withGracePeriod(Duration.ofSeconds(5));
    }

    /** A REQUEST on queue {@code default}. */
    static Message request(String msgid, String headers, String payload) {
        return Message.withId(Command.REQUEST, msgid, "default", headers, payload);
    }
}
