package io.eventmq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void percentilesAreNearestRankInMicroseconds() {
        LatencySamples samples = new LatencySamples(1000);
        for (int i = 1000; i >= 1; i--) {
            samples.record(i * 1000L);
        }

        assertThat(samples.percentileMicros(0.50)).isEqualTo(500.0);
        assertThat(samples.percentileMicros(0.99)).isEqualTo(990.0);
        assertThat(samples.percentileMicros(0.999)).isEqualTo(999.0);
        assertThat(samples.percentileMicros(1.0)).isEqualTo(1000.0);
    }

    @Test
    void keepsNoMoreThanItsCapacity() {
        LatencySamples samples = new LatencySamples(2);
        samples.record(1);
        samples.record(2);
        samples.record(3);

        assertThat(samples.count()).isEqualTo(2);
        assertThat(new LatencySamples(1).percentileMicros(0.5)).isZero();
    }
}
