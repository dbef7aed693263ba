package io.eventmq.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HeartbeatSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theDefaultsAreTheReferences() {
        assertThat(HeartbeatSettings.DEFAULTS)
                .isEqualTo(new HeartbeatSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), 3, true));
        assertThat(HeartbeatSettings.DISABLED.enabled()).isFalse();
        assertThat(HeartbeatSettings.DEFAULTS.deadAfter()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theSmallestValidValuesAreAccepted() {
        HeartbeatSettings smallest = new HeartbeatSettings(Duration.ofMillis(1), Duration.ofMillis(1), 1, true);

        assertThat(smallest.deadAfter()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void lessThanAMillisecondWouldBeZeroForTheMonitorAndIsRefused() {
        assertThatThrownBy(() -> new HeartbeatSettings(Duration.ofNanos(999_999), SECOND, 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
        assertThatThrownBy(() -> new HeartbeatSettings(SECOND, Duration.ofNanos(1), 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> new HeartbeatSettings(Duration.ZERO, SECOND, 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
        assertThatThrownBy(() -> new HeartbeatSettings(SECOND.negated(), SECOND, 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> new HeartbeatSettings(SECOND, Duration.ZERO, 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new HeartbeatSettings(SECOND, SECOND.negated(), 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    void livenessMustBeOneOrMore() {
        assertThatThrownBy(() -> new HeartbeatSettings(SECOND, SECOND, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("liveness");
        assertThatThrownBy(() -> new HeartbeatSettings(SECOND, SECOND, -1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("liveness");
    }

    @Test
    void durationsAreRequired() {
        assertThatThrownBy(() -> new HeartbeatSettings(null, SECOND, 3, true))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("interval");
        assertThatThrownBy(() -> new HeartbeatSettings(SECOND, null, 3, true))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("timeout");
    }
}
