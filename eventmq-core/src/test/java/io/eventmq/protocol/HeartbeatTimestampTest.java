package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class HeartbeatTimestampTest {

    @Test
    void timestampIsUnixSecondsAsDecimalText() {
        assertThat(HeartbeatTimestamp.format(Instant.ofEpochSecond(1795878630, 653_554_200)))
                .isEqualTo("1795878630.653554");
        assertThat(HeartbeatTimestamp.format(Instant.ofEpochSecond(1795878630, 1_000)))
                .isEqualTo("1795878630.000001");
    }
}
