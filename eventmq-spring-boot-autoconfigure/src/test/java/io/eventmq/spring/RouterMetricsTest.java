package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.eventmq.router.DropReason;
import io.eventmq.router.PeerType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The router's meters follow what its listener is told. */
class RouterMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final RouterMetrics metrics = new RouterMetrics(registry);

    @Test
    void countsPeersOnceEachUntilTheyLeave() {
        metrics.peerJoined(PeerType.WORKER, "w1");
        metrics.peerJoined(PeerType.WORKER, "w1");
        metrics.peerJoined(PeerType.WORKER, "w2");
        metrics.peerJoined(PeerType.SCHEDULER, "s1");
        metrics.peerLeft(PeerType.WORKER, "w1", "said KBYE");

        assertThat(registry.get("eventmq.router.workers").gauge().value()).isEqualTo(1);
        assertThat(registry.get("eventmq.router.schedulers").gauge().value()).isEqualTo(1);
    }

    @Test
    void waitingIsTheLastSizeReportedPerQueue() {
        metrics.waiting("email", 3);
        metrics.waiting("email", 2);
        metrics.waiting("default", 5);

        assertThat(registry.get("eventmq.router.waiting").tag("queue", "email").gauge().value()).isEqualTo(2);
        assertThat(registry.get("eventmq.router.waiting").tag("queue", "default").gauge().value()).isEqualTo(5);
    }

    @Test
    void countsDispatchesAndDropsAndRefusalsByReason() {
        metrics.dispatched("default", "w1", "m1");
        metrics.refused("m2", DropReason.QUEUE_FULL);
        metrics.dropped(DropReason.QUEUE_FULL, "not refused but dropped");
        metrics.dropped(DropReason.UNKNOWN_WORKER, "READY from w9");

        assertThat(registry.get("eventmq.router.dispatched").counter().count()).isEqualTo(1);
        assertThat(registry.get("eventmq.router.dropped").tag("reason", "QUEUE_FULL").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("eventmq.router.dropped").tag("reason", "UNKNOWN_WORKER").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("eventmq.router.dropped").tag("reason", "NO_SCHEDULER").counter().count())
                .isZero();
    }
}
