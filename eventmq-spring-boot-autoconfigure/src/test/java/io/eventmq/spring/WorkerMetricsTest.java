package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.zeromq.ZContext;

import io.eventmq.device.Handlers;
import io.eventmq.device.JobOutcome;
import io.eventmq.device.JobReport;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.WorkerService;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.WeightedQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The worker's counters and handler timers follow what its listener is told. */
class WorkerMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ZContext context = new ZContext();
    private final StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("worker",
            new WorkerService(context, ServiceSettings.DEFAULTS.withQueues(List.of(new WeightedQueue(10, "email"),
                    new WeightedQueue(10, "default"))), new Handlers())));
    private final WorkerMetrics metrics = new WorkerMetrics(registry, beans.getBeanProvider(WorkerService.class));

    @AfterEach
    void close() {
        beans.getBean(WorkerService.class).close();
        context.close();
    }

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
    void timesJobsByQueueHandlerOutcomeAndException() {
        metrics.jobFinished(new JobReport("m1", "email", "email", Duration.ofMillis(30), JobOutcome.SUCCEEDED, null));
        metrics.jobFinished(new JobReport("m2", "email", "email", Duration.ofMillis(10), JobOutcome.SUCCEEDED, null));
        metrics.jobFinished(new JobReport("m3", "email", "email", Duration.ofMillis(5), JobOutcome.TIMED_OUT,
                "Timeout"));
        metrics.jobFinished(new JobReport("m4", "default", "jobs.echo", Duration.ofMillis(1), JobOutcome.FAILED,
                "IllegalStateException"));
        metrics.jobFinished(new JobReport("m5", "made-up", "none", Duration.ofMillis(1), JobOutcome.NO_HANDLER,
                "NoHandler"));

        assertThat(registry.get("eventmq.handler").tag("queue", "email").tag("outcome", "SUCCEEDED")
                .tag("exception", "none").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(registry.get("eventmq.handler").tag("queue", "email").tag("outcome", "TIMED_OUT")
                .tag("exception", "Timeout").timer().count()).isEqualTo(1);
        assertThat(registry.get("eventmq.handler").tag("handler", "jobs.echo").tag("outcome", "FAILED")
                .tag("exception", "IllegalStateException").timer().count()).isEqualTo(1);
        assertThat(registry.get("eventmq.handler").tag("outcome", "NO_HANDLER").timer().getId().getTag("queue"))
                .as("a queue a peer made up is not a tag").isEqualTo("other");
    }
}
