package io.eventmq.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void loadsBothRecordedSessions() {
        assertThat(Vectors.load(Vectors.ROUTER_SESSION)).hasSize(40)
                .first().satisfies(entry -> assertThat(entry.frames()).contains("INFORM"));
        assertThat(Vectors.load(Vectors.JOBMANAGER_SESSION)).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.t()).isNotNull());
    }
}
