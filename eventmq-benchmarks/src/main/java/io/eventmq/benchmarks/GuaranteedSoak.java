package io.eventmq.benchmarks;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceListener;
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
 * The soak of docs/reliability.md at full size: N guaranteed jobs of random length up to 0.5 ms on 2 workers × 4
 * slots, one worker stopped and replaced every N / 4 jobs; every result must reach its own future once, none
 * lost. Prints the counts and the rate; exits 1 when a job was lost or answered wrongly.
 *
 * <pre>java -cp eventmq-benchmarks/target/eventmq-benchmarks.jar io.eventmq.benchmarks.GuaranteedSoak 1000000</pre>
 */
public final class GuaranteedSoak {

    private static final HeartbeatSettings QUICK_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);
    private static final int WINDOW = 500;

    private GuaranteedSoak() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(jobs);
        try (ZContext context = new ZContext()) {
            Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses("tcp://127.0.0.1:*",
                    "tcp://127.0.0.1:*", "tcp://127.0.0.1:*").withHeartbeat(QUICK_HEARTBEATS)
                    .withPerClientShare(1));
            RouterEndpoints endpoints = router.start();
            List<WorkerService> workers = new ArrayList<>();
            workers.add(worker(context, endpoints, runs));
            workers.add(worker(context, endpoints, runs));
            Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend())
                    .withRequestTimeout(Duration.ofMinutes(2)).withReceiptTimeout(Duration.ofMinutes(2)));
            client.start();
            Semaphore window = new Semaphore(WINDOW);
            CountDownLatch answered = new CountDownLatch(jobs);
            AtomicLong wrong = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                window.acquireUninterruptibly();
                String expected = "\"" + i + "\"";
                CompletableFuture<String> result = client.request("default", Headers.NONE.withGuarantee(true),
                        Integer.toString(i));
                result.whenComplete((value, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    } else if (!expected.equals(value)) {
                        wrong.incrementAndGet();
                    }
                    answered.countDown();
                    window.release();
                });
                if (i > 0 && i % (jobs / 4) == 0) {
                    workers.remove(0).stopAsync();
                    workers.add(worker(context, endpoints, runs));
                }
            }
            boolean done = answered.await(5, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            int neverRan = 0;
            int ranTwice = 0;
            for (int i = 0; i < jobs; i++) {
                neverRan += runs.get(i) == 0 ? 1 : 0;
                ranTwice += runs.get(i) > 1 ? 1 : 0;
            }
            System.out.printf("jobs %d, answered %d, failed %d, wrong answers %d, never ran %d, ran more than once %d,"
                            + " %.1f s, %.0f jobs/s, 3 workers replaced%n", jobs, jobs - answered.getCount(),
                    failed.get(), wrong.get(), neverRan, ranTwice, seconds, jobs / seconds);
            client.close();
            workers.forEach(WorkerService::close);
            router.close();
            if (!done || failed.get() > 0 || wrong.get() > 0 || neverRan > 0) {
                System.exit(1);
            }
        }
    }

    private static WorkerService worker(ZContext context, RouterEndpoints endpoints, AtomicIntegerArray runs)
            throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ServiceListener onConnected = new ServiceListener() {
            @Override
            public void stateChanged(ServiceState previous, ServiceState current) {
                if (current == ServiceState.CONNECTED) {
                    connected.countDown();
                }
            }
        };
        WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS.withAddress(endpoints.backend())
                .withQueues(List.of(new WeightedQueue(10, "default"))).withConcurrency(4)
                .withHeartbeat(QUICK_HEARTBEATS).withReconnectTimeout(Duration.ofSeconds(1))
                .withGracePeriod(Duration.ofSeconds(5)), new Handlers().onAnyRequest(job -> {
                    runs.incrementAndGet(Integer.parseInt(job.payload()));
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000));
                    return job.payload();
                }), onConnected, InstantSource.system());
        worker.start();
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a worker did not connect within 30 s");
        }
        return worker;
    }
}
