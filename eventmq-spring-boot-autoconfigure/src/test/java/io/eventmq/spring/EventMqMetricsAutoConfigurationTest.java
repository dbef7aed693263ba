package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.eventmq.device.ServiceListener;
import io.eventmq.protocol.Headers;
import io.eventmq.router.RouterListener;
import io.eventmq.scheduler.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The eventmq.* meters: made only with a registry, and counting what the worker, router and client do. */
class EventMqMetricsAutoConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class, EventMqWorkerAutoConfiguration.class,
                    EventMqClientAutoConfiguration.class, EventMqSchedulerAutoConfiguration.class,
                    EventMqMetricsAutoConfiguration.class))
            .withBean(TestJobs.class)
            .withPropertyValues("eventmq.socket.linger=0", "eventmq.router.enabled=true",
                    "eventmq.router.frontend=tcp://127.0.0.1:*", "eventmq.router.backend=tcp://127.0.0.1:*",
                    "eventmq.router.admin=tcp://127.0.0.1:*");

    @Test
    void countsMessagesJobsAndRouterWorkWithAMeterRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            await().atMost(WAIT).until(() -> registry.get("eventmq.router.workers").gauge().value() == 1
                    && registry.get("eventmq.messages.received").tag("command", "ACK").counter().count() == 1);
            assertThat(registry.get("eventmq.messages.sent").tag("command", "INFORM").counter().count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(registry.get("eventmq.jobs.slots").gauge().value()).isEqualTo(4);
            assertThat(registry.get("eventmq.router.schedulers").gauge().value()).isZero();

            EmqpTemplate template = context.getBean(EmqpTemplate.class);
            CompletableFuture<String> first = template.request("jobs", "one", String.class);
            CompletableFuture<String> second = template.request("jobs", "two", String.class);
            CompletableFuture<String> failing = template.request("jobs", "fail three", String.class);
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done one");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("done two");
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasMessageContaining("failed on purpose");

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(registry.get("eventmq.handler").tag("queue", "jobs").tag("outcome", "SUCCEEDED")
                        .timer().count()).isEqualTo(2);
                assertThat(registry.get("eventmq.handler").tag("queue", "jobs").tag("outcome", "FAILED")
                        .timer().count()).isEqualTo(1);
            });
            assertThat(registry.get("eventmq.messages.received").tag("command", "REQUEST").counter().count())
                    .isEqualTo(3);
            assertThat(registry.get("eventmq.router.dispatched").counter().count()).isEqualTo(3);
            assertThat(registry.get("eventmq.router.dropped").counters())
                    .allSatisfy(counter -> assertThat(counter.count()).isZero());
            assertThat(registry.get("eventmq.jobs.active").gauge().value()).isZero();
            assertThat(registry.get("eventmq.client.awaiting").gauge().value()).isZero();
            assertThat(registry.get("eventmq.client.sent").functionCounter().count()).isEqualTo(3);
        });
    }

    @Test
    void countsTheSchedulersSchedulesAndRuns() {
        runner.withPropertyValues("eventmq.scheduler.enabled=true")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    Scheduler scheduler = context.getBean(Scheduler.class);
                    scheduler.connected().get(10, TimeUnit.SECONDS);

                    context.getBean(EmqpTemplate.class).schedule("jobs",
                            Headers.NONE.withRunCount(1), Duration.ofSeconds(60), "once");

                    await().atMost(WAIT).until(() -> registry.get("eventmq.scheduler.fired").functionCounter()
                            .count() == 1);
                    assertThat(registry.get("eventmq.scheduler.schedules").gauge().value()).isZero();
                    assertThat(registry.get("eventmq.scheduler.invalid").functionCounter().count()).isZero();
                });
    }

    @Test
    void noMetersWithoutAMeterRegistry() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WorkerMetrics.class)
                .doesNotHaveBean(RouterMetrics.class).doesNotHaveBean(ClientMetrics.class)
                .doesNotHaveBean(ServiceListener.class).doesNotHaveBean(RouterListener.class));
    }

    @Test
    void noMetersWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(WorkerMetrics.class)
                        .doesNotHaveBean(RouterMetrics.class).doesNotHaveBean(ClientMetrics.class));
    }
}
