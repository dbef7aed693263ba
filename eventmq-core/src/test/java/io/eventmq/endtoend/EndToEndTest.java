package io.eventmq.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.client.JobFailedException;
import io.eventmq.device.Handlers;
import io.eventmq.device.JobHandler;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.ServiceState;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;

/** Our client → our router → our worker device → the result back in the client's future, on real sockets. */
@Timeout(60)
class EndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final HeartbeatSettings QUICK_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);

    private final ZContext context = new ZContext();
    private final List<WorkerService> workers = new ArrayList<>();
    private Router router;
    private Client client;

    @AfterEach
    void stopEverything() {
        workers.forEach(WorkerService::stop);
        if (client != null) {
            client.close();
        }
        if (router != null) {
            router.close();
        }
        context.close();
    }

    @Test
    void theResultOfAJobReachesTheClientsFuture() throws Exception {
        RouterEndpoints endpoints = startRouter(10_000);
        startWorker(endpoints, 2, List.of(new WeightedQueue(10, "default")), new Handlers()
                .onJob("jobs", "echo", job -> Map.of("echo", job.jobPayload().args().get(0))));
        startClient(endpoints);

        String value = client.request("default", Headers.NONE,
                JobPayload.of("jobs", "echo", List.of(7), Map.of()).encode()).get(15, TimeUnit.SECONDS);

        assertThat(value).isEqualTo("{\"echo\": 7}");
    }

    @Test
    void aFailingJobFailsTheFutureWithTheWorkersError() {
        RouterEndpoints endpoints = startRouter(10_000);
        startWorker(endpoints, 1, List.of(new WeightedQueue(10, "default")), new Handlers()
                .onAnyRequest(job -> {
                    throw new IllegalStateException("boom");
                }));
        startClient(endpoints);

        CompletableFuture<String> result = client.request("default", Headers.NONE, "anything");

        assertThat(result).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(JobFailedException.class)
                .satisfies(e -> assertThat(((JobFailedException) e).type()).isEqualTo("IllegalStateException"));
    }

    @Test
    void twoWorkersWithDifferentQueuesWeightsAndSlotsServeEveryRequestWithinTheirSlots() {
        RouterEndpoints endpoints = startRouter(10_000);
        Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
        AtomicInteger emailOnOther = new AtomicInteger();
        SlotWatch small = new SlotWatch();
        SlotWatch large = new SlotWatch();
        startWorker(endpoints, 1, List.of(new WeightedQueue(20, "email"), new WeightedQueue(10, "default")),
                new Handlers().onAnyRequest(small.counting(job -> {
                    servedBy.computeIfAbsent("small", k -> new AtomicInteger()).incrementAndGet();
                    return job.queue();
                })));
        startWorker(endpoints, 3, List.of(new WeightedQueue(10, "default")),
                new Handlers().onAnyRequest(large.counting(job -> {
                    servedBy.computeIfAbsent("large", k -> new AtomicInteger()).incrementAndGet();
                    if (job.queue().equals("email")) {
                        emailOnOther.incrementAndGet();
                    }
                    return job.queue();
                })));
        startClient(endpoints);

        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String queue = i % 3 == 0 ? "email" : "default";
            results.add(client.request(queue, Headers.NONE, "job-" + i));
        }

        assertThat(CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))).succeedsWithin(PATIENCE);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).join()).isEqualTo(i % 3 == 0 ? "\"email\"" : "\"default\"");
        }
        assertThat(emailOnOther).as("email jobs on the worker that does not serve email").hasValue(0);
        assertThat(servedBy.get("small").get() + servedBy.get("large").get()).isEqualTo(60);
        assertThat(servedBy.get("large").get()).as("the 3-slot worker took default jobs").isPositive();
        assertThat(small.max()).isLessThanOrEqualTo(1);
        assertThat(large.max()).isLessThanOrEqualTo(3);
    }

    @Test
    void aRequestBufferedWhileNoWorkerIsThereIsServedWhenAWorkerSaysReady() {
        RouterEndpoints endpoints = startRouter(10_000);
        startClient(endpoints);
        CompletableFuture<String> result = client.request("default", Headers.NONE, "early");
        assertThat(result).isNotDone();

        startWorker(endpoints, 1, List.of(new WeightedQueue(10, "default")),
                new Handlers().onAnyRequest(job -> "served " + job.payload()));

        assertThat(result).succeedsWithin(PATIENCE).isEqualTo("\"served early\"");
    }

    @Test
    void beyondTheHighWaterMarkARequestIsRefusedWithAnErrorAndTheBufferedOnesAreServedLater() {
        RouterEndpoints endpoints = startRouter(2);
        startClient(endpoints);
        CompletableFuture<String> first = client.request("default", Headers.NONE, "1");
        CompletableFuture<String> second = client.request("default", Headers.NONE, "2");
        CompletableFuture<String> third = client.request("default", Headers.NONE, "3");

        assertThat(third).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(JobFailedException.class)
                .satisfies(e -> assertThat(((JobFailedException) e).type()).isEqualTo("QueueFull"));
        startWorker(endpoints, 1, List.of(new WeightedQueue(10, "default")),
                new Handlers().onAnyRequest(job -> job.payload()));
        assertThat(first).succeedsWithin(PATIENCE).isEqualTo("\"1\"");
        assertThat(second).succeedsWithin(PATIENCE).isEqualTo("\"2\"");
    }

    @Test
    void aWorkerThatGoesAwayMidStreamLosesNoUndispatchedRequest() throws InterruptedException {
        RouterEndpoints endpoints = startRouter(10_000);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch neverReleased = new CountDownLatch(1);
        WorkerService leaving = startWorker(endpoints, 1, List.of(new WeightedQueue(10, "default")),
                new Handlers().onAnyRequest(job -> {
                    running.countDown();
                    neverReleased.await();
                    return "unreachable";
                }));
        startClient(endpoints);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(client.request("default", Headers.NONE, "job-" + i));
        }
        assertThat(running.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(results).noneMatch(CompletableFuture::isDone);

        leaving.stop();
        startWorker(endpoints, 2, List.of(new WeightedQueue(10, "default")),
                new Handlers().onAnyRequest(job -> job.payload()));

        await().atMost(PATIENCE).until(() -> results.stream().allMatch(CompletableFuture::isDone));
        long served = results.stream().filter(r -> !r.isCompletedExceptionally()).count();
        assertThat(served).as("every REQUEST but the one the leaving worker was running").isEqualTo(9);
        for (CompletableFuture<String> result : results) {
            if (!result.isCompletedExceptionally()) {
                assertThat(result.join()).startsWith("\"job-");
            }
        }
    }

    private RouterEndpoints startRouter(int highWaterMark) {
        router = new Router(context, RouterSettings.DEFAULTS
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*")
                .withHeartbeat(QUICK_HEARTBEATS)
                .withQueueHighWaterMark(highWaterMark)
                .withPerClientShare(1)); // one client here: the whole queue is its share
        return router.start();
    }

    private WorkerService startWorker(RouterEndpoints endpoints, int slots, List<WeightedQueue> queues,
                                      Handlers handlers) {
        WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS
                .withAddress(endpoints.backend())
                .withQueues(queues)
                .withConcurrency(slots)
                .withHeartbeat(QUICK_HEARTBEATS)
                .withReconnectTimeout(Duration.ofSeconds(1))
                .withGracePeriod(Duration.ofMillis(300)), handlers);
        workers.add(worker);
        worker.start();
        await().atMost(PATIENCE).until(() -> worker.state() == ServiceState.CONNECTED);
        return worker;
    }

    private void startClient(RouterEndpoints endpoints) {
        client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend())
                .withRequestTimeout(Duration.ofSeconds(30)));
        client.start();
    }

    /** Counts the jobs a worker runs at once and remembers the most. */
    private static final class SlotWatch {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        JobHandler counting(JobHandler handler) {
            return job -> {
                max.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    return handler.handle(job);
                } finally {
                    now.decrementAndGet();
                }
            };
        }

        int max() {
            return max.get();
        }
    }
}
