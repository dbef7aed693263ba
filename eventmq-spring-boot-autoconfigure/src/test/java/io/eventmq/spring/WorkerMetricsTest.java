package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.eventmq.device.JobOutcome;
import io.eventmq.device.WorkerService;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The worker's counters and handler timers follow what its listener is told. */
class WorkerMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final WorkerMetrics metrics =
            new WorkerMetrics(registry, new StaticListableBeanFactory().getBeanProvider(WorkerService.class));

    @Test
    void countsMessagesByCommand() {
        metrics.messageSent(Message.of(Command.READY));
        metrics.messageSent(Message.of(Command.READY));
        metrics.messageReceived(Message.of(Command.HEARTBEAT, "1795878591.7025638"));

        assertThat(registry.get("eventmq.messages.sent").tag("command", "READY").counter().count()).isEqualTo(2);
        assertThat(registry.get("eventmq.messages.sent").tag("command", "KBYE").counter().count()).isZero();
        assertThat(registry.get("eventmq.messages.received").tag("command", "HEARTBEAT").counter().count())
                .isEqualTo(1);
    }

    @Test
    void countsInvalidMessagesMissesAndReconnects() {
        metrics.invalidMessage("unexpected READY");
        metrics.heartbeatMissed(1);
        metrics.heartbeatMissed(2);
        metrics.reconnecting("tcp://127.0.0.1:47290", "the router said KBYE");

        assertThat(registry.get("eventmq.messages.invalid").counter().count()).isEqualTo(1);
        assertThat(registry.get("eventmq.heartbeat.misses").counter().count()).isEqualTo(2);
        assertThat(registry.get("eventmq.reconnects").counter().count()).isEqualTo(1);
    }

    @Test
    void timesJobsByQueueAndOutcome() {
        metrics.jobFinished("m1", "email", Duration.ofMillis(30), JobOutcome.SUCCEEDED);
        metrics.jobFinished("m2", "email", Duration.ofMillis(10), JobOutcome.SUCCEEDED);
        metrics.jobFinished("m3", "email", Duration.ofMillis(5), JobOutcome.TIMED_OUT);
        metrics.jobFinished("m4", "default", Duration.ofMillis(1), JobOutcome.FAILED);

        assertThat(registry.get("eventmq.handler").tag("queue", "email").tag("outcome", "SUCCEEDED").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(registry.get("eventmq.handler").tag("queue", "email").tag("outcome", "TIMED_OUT").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("eventmq.handler").tag("queue", "default").tag("outcome", "FAILED").timer()
                .count()).isEqualTo(1);
    }
}
