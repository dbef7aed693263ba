package io.eventmq.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.client.ClientStatus;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Headers;
import io.eventmq.router.PeerType;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterListener;
import io.eventmq.router.RouterSettings;
import io.eventmq.router.RouterStatus;

/**
 * CI-sized soak of issue 14: 50,000 guaranteed jobs of random short length on 2 workers × 4 slots, one of them a
 * {@link SoakWorker} in a JVM of its own. Midway that JVM is killed (SIGKILL: no KBYE) while it holds jobs, and
 * another takes its place. Every future completes with its own job's value; none fails, none is missing.
 */
@Timeout(120)
class GuaranteedSoakTest {

    private static final int JOBS = 50_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * The router heartbeats every 200 ms, so the killed worker is found gone at once; it allows 3 s of silence, so
     * that a worker starved of CPU on a busy machine is not dropped besides.
     */
    private static final HeartbeatSettings ROUTER_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofSeconds(3), 3, true);

    /** At INFO for the test: a DEBUG line per message would cost more than the jobs. */
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.eventmq");
    private final Level level = logger.getLevel();
    private final ZContext context = new ZContext();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    /** Why the router removed each worker it removed, by identity. */
    private final Map<String, String> removed = new ConcurrentHashMap<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        context.close();
        logger.setLevel(level);
    }

    @Test
    void everyGuaranteedJobIsAnsweredOnceThoughAWorkerProcessIsKilledMidway() throws IOException {
        logger.setLevel(Level.INFO);
        Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses("tcp://127.0.0.1:*",
                "tcp://127.0.0.1:*", "tcp://127.0.0.1:*").withHeartbeat(ROUTER_HEARTBEATS)
                .withPerClientShare(1), new RouterListener() {
                    @Override
                    public void peerLeft(PeerType type, String id, String reason) {
                        removed.put(id, reason);
                    }
                });
        closing.add(router);
        RouterEndpoints endpoints = router.start();
        Process killed = startWorkerProcess(endpoints, 1);
        await().atMost(PATIENCE).until(() -> workerIds(router).size() == 1);
        String killedId = workerIds(router).get(0);
        closing.add(SoakWorker.start(context, endpoints.backend()));
        await().atMost(PATIENCE).until(() -> workerIds(router).size() == 2);
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
                killed.destroyForcibly();
                startWorkerProcess(endpoints, 2);
            }
        }

        await().atMost(PATIENCE).until(() -> answered.get() == JOBS);
        for (int i = 0; i < JOBS; i++) {
            assertThat(results.get(i)).isCompletedWithValue("\"job-" + i + "\"");
        }
        ClientStatus clientStatus = client.status();
        assertThat(clientStatus.awaitingResults()).isZero();
        assertThat(clientStatus.timedOut()).isZero();
        await().atMost(PATIENCE).until(() -> removed.containsKey(killedId) && workerIds(router).size() == 2);
        assertThat(removed.get(killedId)).as("why the router removed the killed worker").matches("(silent|gone).*");
        RouterStatus routerStatus = router.status();
        assertThat(routerStatus.dispatched()).as("REQUESTs dispatched, those taken back from the killed worker twice")
                .isGreaterThan(JOBS);
        assertThat(routerStatus.inFlight()).isZero();
    }

    /** A {@link SoakWorker} in a JVM of its own, its output in target/soak-worker-{@code n}.log. */
    private Process startWorkerProcess(RouterEndpoints endpoints, int n) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SoakWorker.class.getName(), endpoints.backend())
                .redirectErrorStream(true).redirectOutput(new File("target/soak-worker-" + n + ".log")).start();
        processes.add(process);
        return process;
    }

    private static List<String> workerIds(Router router) {
        return router.status().workers().stream().map(RouterStatus.ConnectedWorker::id).toList();
    }
}
