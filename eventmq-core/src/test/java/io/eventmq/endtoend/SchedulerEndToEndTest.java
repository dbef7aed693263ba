package io.eventmq.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceListener;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.WorkerService;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;
import io.eventmq.scheduler.InMemoryScheduleStore;
import io.eventmq.scheduler.Scheduler;
import io.eventmq.scheduler.SchedulerSettings;
import io.eventmq.testing.MutableClock;

/** Our client's SCHEDULE → our router → our scheduler → REQUESTs → our worker runs them, on real sockets. */
@Timeout(60)
class SchedulerEndToEndTest {

    private final ZContext context = new ZContext();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T08:00:00Z").toEpochMilli());
    private Router router;
    private Scheduler scheduler;
    private WorkerService worker;
    private Client client;

    @AfterEach
    void stopEverything() {
        for (AutoCloseable device : new AutoCloseable[] {client, worker, scheduler, router}) {
            if (device != null) {
                try {
                    device.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        context.close();
    }

    @Test
    void aScheduleFromTheClientRunsOnTheWorkerAsOftenAsItsRunCountSays() {
        router = new Router(context, RouterSettings.DEFAULTS
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*"));
        RouterEndpoints endpoints = router.start();
        List<Object> runs = new CopyOnWriteArrayList<>();
        worker = new WorkerService(context, ServiceSettings.DEFAULTS.withAddress(endpoints.backend()),
                new Handlers().onJob("jobs", "echo", job -> runs.add(job.jobPayload().args().get(0).asInt())));
        worker.start();
        scheduler = new Scheduler(context, SchedulerSettings.DEFAULTS.withService(
                SchedulerSettings.DEFAULTS.service().withAddress(endpoints.frontend())),
                new InMemoryScheduleStore(), clock, () -> clock.millis() * 1_000_000L, ServiceListener.NONE);
        scheduler.start();
        client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend()));
        client.start();
        await().until(() -> router.status().schedulers() == 1);

        client.schedule("default", Headers.NONE.withRunCount(3), Duration.ofSeconds(60),
                JobPayload.of("jobs", "echo", List.of(7), Map.of()).encode());

        await().until(() -> runs.size() == 1);
        clock.advance(Duration.ofSeconds(60));
        scheduler.wake();
        await().until(() -> runs.size() == 2);
        clock.advance(Duration.ofSeconds(60));
        scheduler.wake();
        await().until(() -> runs.size() == 3);
        assertThat(runs).containsExactly(7, 7, 7);
        assertThat(scheduler.schedules()).isZero();
    }
}
