package io.eventmq.endtoend;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WeightedQueue;

/**
 * The soak's worker: 4 slots on queue "default", each job parks 0–0.5 ms and answers its payload. Its main runs
 * one in a JVM of its own, which {@link GuaranteedSoakTest} kills abruptly, so that no KBYE is sent.
 */
final class SoakWorker {

    private static final HeartbeatSettings QUICK_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);

    private SoakWorker() {
    }

    /**
     * Runs a worker on the backend address {@code args[0]} until killed; should the parent JVM end first, its end
     * of stdin closes, and this one stops too rather than outlive it. Logs at INFO: a DEBUG line per message
     * would cost more than the jobs.
     */
    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger("io.eventmq")).setLevel(Level.INFO);
        try (ZContext context = new ZContext(); WorkerService worker = start(context, args[0])) {
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** A started worker; not yet connected. */
    static WorkerService start(ZContext context, String backend) {
        WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS.withAddress(backend)
                .withQueues(List.of(new WeightedQueue(10, "default"))).withConcurrency(4)
                .withHeartbeat(QUICK_HEARTBEATS).withReconnectTimeout(Duration.ofSeconds(1))
                .withGracePeriod(Duration.ofSeconds(5)), new Handlers().onAnyRequest(job -> {
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000));
                    return job.payload();
                }));
        worker.start();
        return worker;
    }
}
