package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WeightedQueue;

class ServiceSettingsTest {

    private final ServiceSettings defaults = ServiceSettings.DEFAULTS;

    @Test
    void defaultsAreTheReferences() {
        assertThat(defaults.address()).isEqualTo("tcp://127.0.0.1:47290");
        assertThat(defaults.failoverAddress()).isNull();
        assertThat(defaults.type()).isEqualTo(ServiceType.WORKER);
        assertThat(defaults.queues()).containsExactly(new WeightedQueue(10, "default"));
        assertThat(defaults.heartbeat()).isEqualTo(HeartbeatSettings.DEFAULTS);
        assertThat(defaults.reconnectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void withCopiesChangeOneField() {
        ServiceSettings changed = defaults.withAddress("tcp://10.0.0.1:1").withFailoverAddress("tcp://10.0.0.2:2")
                .withType(ServiceType.SCHEDULER).withQueues(List.of()).withConcurrency(8)
                .withHeartbeat(HeartbeatSettings.DISABLED).withReconnectTimeout(Duration.ofSeconds(1))
                .withGracePeriod(Duration.ZERO).withSocket(defaults.socket().withLinger(Duration.ZERO));

        assertThat(changed).isEqualTo(new ServiceSettings("tcp://10.0.0.1:1", "tcp://10.0.0.2:2",
                ServiceType.SCHEDULER, List.of(), 8, HeartbeatSettings.DISABLED, Duration.ofSeconds(1),
                Duration.ZERO, defaults.socket().withLinger(Duration.ZERO)));
        assertThat(defaults.concurrency()).isEqualTo(4);
    }

    @Test
    void connectAttemptsAlternateOnlyWithAFailover() {
        ServiceSettings failover = defaults.withFailoverAddress("tcp://127.0.0.1:57290");

        assertThat(List.of(0, 1, 2, 3)).map(failover::addressOf).containsExactly(defaults.address(),
                "tcp://127.0.0.1:57290", defaults.address(), "tcp://127.0.0.1:57290");
        assertThat(List.of(0, 1, 2)).map(defaults::addressOf).containsOnly(defaults.address());
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> defaults.withAddress("127.0.0.1:47290")).hasMessageContaining("address");
        assertThatThrownBy(() -> defaults.withAddress(null)).hasMessageContaining("address");
        assertThatThrownBy(() -> defaults.withFailoverAddress("tcp://")).hasMessageContaining("failoverAddress");
        assertThatThrownBy(() -> defaults.withType(null)).hasMessageContaining("type");
        assertThatThrownBy(() -> defaults.withQueues(null)).hasMessageContaining("queues");
        assertThatThrownBy(() -> defaults.withConcurrency(0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> defaults.withHeartbeat(null)).hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> defaults.withReconnectTimeout(Duration.ZERO))
                .hasMessageContaining("reconnectTimeout");
        assertThatThrownBy(() -> defaults.withGracePeriod(Duration.ofSeconds(-1))).hasMessageContaining("gracePeriod");
        assertThatThrownBy(() -> defaults.withSocket(null)).hasMessageContaining("socket");
    }
}
