package io.eventmq.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SocketOptionsTest {

    private static final SocketOptions DEFAULTS = SocketOptions.DEFAULTS;
    private static final long MIB = 1024 * 1024;

    @Test
    void theDefaultsKeepAFinalMessageAndRetryStuckHandshakes() {
        assertThat(DEFAULTS).isEqualTo(new SocketOptions(Duration.ofSeconds(1), 1000, 1000, MIB,
                Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThat(DEFAULTS.linger()).isPositive();
        assertThat(DEFAULTS.handshakeInterval()).isBetween(Duration.ofMillis(250), Duration.ofSeconds(1));
    }

    @Test
    void withersChangeOneOptionAndKeepTheOthers() {
        assertThat(DEFAULTS.withLinger(Duration.ZERO)).isEqualTo(new SocketOptions(Duration.ZERO, 1000, 1000, MIB,
                Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThat(DEFAULTS.withHighWaterMarks(1, 2)).isEqualTo(new SocketOptions(Duration.ofSeconds(1), 1, 2, MIB,
                Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThat(DEFAULTS.withMaxMessageSize(10)).isEqualTo(new SocketOptions(Duration.ofSeconds(1), 1000, 1000,
                10, Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThat(DEFAULTS.withReconnectInterval(Duration.ofSeconds(5))).isEqualTo(new SocketOptions(
                Duration.ofSeconds(1), 1000, 1000, MIB, Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertThat(DEFAULTS.withHandshakeInterval(Duration.ofMillis(250))).isEqualTo(new SocketOptions(
                Duration.ofSeconds(1), 1000, 1000, MIB, Duration.ofMillis(100), Duration.ofMillis(250)));
    }

    @Test
    void negativeTimingsAreRefused() {
        Duration negative = Duration.ofMillis(-1);

        assertThatThrownBy(() -> DEFAULTS.withLinger(negative)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withReconnectInterval(negative))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withHandshakeInterval(negative))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeHighWaterMarksAndSizesAreRefused() {
        assertThatThrownBy(() -> DEFAULTS.withHighWaterMarks(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high-water");
        assertThatThrownBy(() -> DEFAULTS.withHighWaterMarks(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high-water");
        assertThatThrownBy(() -> DEFAULTS.withMaxMessageSize(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageSize");
    }

    @Test
    void aZeroMaxMessageSizeIsRefusedAsZeroMQWouldAcceptOnlyEmptyMessages() {
        assertThatThrownBy(() -> DEFAULTS.withMaxMessageSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageSize").hasMessageContaining("-1 (no limit)");
        assertThat(DEFAULTS.withMaxMessageSize(-1).maxMessageSize()).isEqualTo(-1);
        assertThat(DEFAULTS.withMaxMessageSize(1).maxMessageSize()).isEqualTo(1);
    }

    @Test
    void timingsAreRequired() {
        assertThatThrownBy(() -> DEFAULTS.withLinger(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("linger");
        assertThatThrownBy(() -> DEFAULTS.withReconnectInterval(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("reconnectInterval");
        assertThatThrownBy(() -> DEFAULTS.withHandshakeInterval(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("handshakeInterval");
    }

    @Test
    void timingsZeroMQCannotTakeAreRefused() {
        Duration tooLong = Duration.ofMillis(Integer.MAX_VALUE + 1L);

        assertThatThrownBy(() -> DEFAULTS.withReconnectInterval(tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconnectInterval");
        assertThatThrownBy(() -> DEFAULTS.withHandshakeInterval(tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handshakeInterval");
        assertThatThrownBy(() -> DEFAULTS.withLinger(tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linger");
    }
}
