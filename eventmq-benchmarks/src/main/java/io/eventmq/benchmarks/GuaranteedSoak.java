package io.eventmq.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import io.eventmq.router.PeerType;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterListener;
import io.eventmq.router.RouterSettings;

/**
 * The soak of docs/reliability.md at full size: N guaranteed jobs of random length up to 0.5 ms on 2 workers × 4
 * slots, one of them in a JVM of its own ({@code --worker <backend>} of this class) that is killed with SIGKILL (no
 * KBYE) and replaced every N / 4 jobs; every result must reach its own future once, none lost. Prints the counts
 * and the rate; exits 1 when a job failed, was answered wrongly or not at all.
 *
 * <pre>java -cp eventmq-benchmarks/target/eventmq-benchmarks.jar io.eventmq.benchmarks.GuaranteedSoak 1000000</pre>
 */
public final class GuaranteedSoak {

    private static final HeartbeatSettings QUICK_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);
    /** A killed worker is found gone at the router's next HEARTBEAT; 3 s of silence spare a CPU-starved one. */
    private static final HeartbeatSettings ROUTER_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofSeconds(3), 3, true);
    private static final int WINDOW = 500;
    private static final int KILLS = 3;

    private GuaranteedSoak() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--worker")) {
            runWorker(args[1]);
            return;
        }
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        AtomicInteger lost = new AtomicInteger();
        Semaphore joined = new Semaphore(0);
        try (ZContext context = new ZContext()) {
            Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses("tcp://127.0.0.1:*",
                    "tcp://127.0.0.1:*", "tcp://127.0.0.1:*").withHeartbeat(ROUTER_HEARTBEATS)
                    .withPerClientShare(1), new RouterListener() {
                        @Override
                        public void peerJoined(PeerType type, String id) {
                            joined.release();
                        }

                        @Override
                        public void peerLeft(PeerType type, String id, String reason) {
                            if (reason.startsWith("silent") || reason.startsWith("gone")) {
                                lost.incrementAndGet();
                            }
                        }
                    });
            RouterEndpoints endpoints = router.start();
            Process killed = workerProcess(endpoints);
            try {
                if (!joined.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the worker process did not join within 30 s");
                }
                WorkerService worker = worker(context, endpoints.backend());
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
                    if (i > 0 && i % (jobs / (KILLS + 1)) == 0) {
                        killed.destroyForcibly();
                        killed = workerProcess(endpoints);
                    }
                }
                boolean done = answered.await(5, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - start) / 1e9;
                long dispatchedAgain = router.status().dispatched() - jobs;
                System.out.printf("jobs %d, answered %d, failed %d, wrong answers %d, %.1f s, %.0f jobs/s,"
                                + " %d worker processes killed (SIGKILL), %d workers lost by the router,"
                                + " %d REQUESTs taken back and dispatched again%n", jobs, jobs - answered.getCount(),
                        failed.get(), wrong.get(), seconds, jobs / seconds, KILLS, lost.get(), dispatchedAgain);
                client.close();
                worker.close();
                router.close();
                if (!done || failed.get() > 0 || wrong.get() > 0) {
                    System.exit(1);
                }
            } finally {
                killed.destroyForcibly();
            }
        }
    }

    /**
     * This class's {@code --worker} mode in a JVM of its own, from the same class path; its output discarded. It
     * stops when its stdin closes, should this JVM end without killing it.
     */
    private static Process workerProcess(RouterEndpoints endpoints) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), GuaranteedSoak.class.getName(), "--worker",
                endpoints.backend()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Runs a worker on {@code backend} until killed, or until stdin closes: the soak's JVM ended. */
    private static void runWorker(String backend) throws Exception {
        try (ZContext context = new ZContext(); WorkerService worker = worker(context, backend)) {
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** A worker of 4 slots whose jobs park 0–0.5 ms and answer their payload, once connected. */
    private static WorkerService worker(ZContext context, String backend) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ServiceListener onConnected = new ServiceListener() {
            @Override
            public void stateChanged(ServiceState previous, ServiceState current) {
                if (current == ServiceState.CONNECTED) {
                    connected.countDown();
                }
            }
        };
        WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS.withAddress(backend)
                .withQueues(List.of(new WeightedQueue(10, "default"))).withConcurrency(4)
                .withHeartbeat(QUICK_HEARTBEATS).withReconnectTimeout(Duration.ofSeconds(1))
                .withGracePeriod(Duration.ofSeconds(5)), new Handlers().onAnyRequest(job -> {
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
