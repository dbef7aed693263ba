package io.eventmq.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.ServiceState;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;

/**
 * CI-sized soak: 5,000 guaranteed jobs of random short length on 2 workers × 4 slots, one worker stopped and
 * replaced midway; every job's result reaches its future, each its own, none lost.
 */
@Timeout(60)
class GuaranteedSoakTest {

    private static final int JOBS = 5_000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HeartbeatSettings QUICK_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);

    private final ZContext context = new ZContext();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        context.close();
    }

    @Test
    void everyGuaranteedJobIsAnsweredOnceThoughAWorkerIsReplacedMidway() {
        Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses("tcp://127.0.0.1:*",
                "tcp://127.0.0.1:*", "tcp://127.0.0.1:*").withHeartbeat(QUICK_HEARTBEATS).withPerClientShare(1));
        closing.add(router);
        RouterEndpoints endpoints = router.start();
        WorkerService replaced = startWorker(endpoints);
        startWorker(endpoints);
        Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend())
                .withRequestTimeout(PATIENCE).withReceiptTimeout(PATIENCE));
        closing.add(client);
        client.start();
        Semaphore window = new Semaphore(500);
        AtomicInteger answered = new AtomicInteger();
        List<CompletableFuture<String>> results = new ArrayList<>(JOBS);

        for (int i = 0; i < JOBS; i++) {
            window.acquireUninterruptibly();
            CompletableFuture<String> result = client.request("default", Headers.NONE.withGuarantee(true), "job-" + i);
            result.whenComplete((value, error) -> {
                answered.incrementAndGet();
                window.release();
            });
            results.add(result);
            if (i == JOBS / 2) {
                replaced.stopAsync();
                startWorker(endpoints);
            }
        }

        await().atMost(PATIENCE).until(() -> answered.get() == JOBS);
        for (int i = 0; i < JOBS; i++) {
            assertThat(results.get(i)).isCompletedWithValue("\"job-" + i + "\"");
        }
        assertThat(runs).hasSize(JOBS);
        assertThat(replaced.isRunning()).isFalse();
        assertThat(client.status().awaitingResults()).isZero();
    }

    private WorkerService startWorker(RouterEndpoints endpoints) {
        WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS.withAddress(endpoints.backend())
                .withQueues(List.of(new WeightedQueue(10, "default"))).withConcurrency(4)
                .withHeartbeat(QUICK_HEARTBEATS).withReconnectTimeout(Duration.ofSeconds(1))
                .withGracePeriod(Duration.ofSeconds(5)), new Handlers().onAnyRequest(job -> {
                    runs.computeIfAbsent(job.payload(), payload -> new AtomicInteger()).incrementAndGet();
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000));
                    return job.payload();
                }));
        closing.add(worker);
        worker.start();
        await().atMost(PATIENCE).until(() -> worker.state() == ServiceState.CONNECTED);
        return worker;
    }
}
