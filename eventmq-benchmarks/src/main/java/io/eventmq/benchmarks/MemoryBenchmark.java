package io.eventmq.benchmarks;

import java.time.Duration;

import org.zeromq.ZContext;

/**
 * The memory figures of one system: heap the router retains per waiting REQUEST, and bytes the worker and
 * the router allocate per job in steady state.
 */
final class MemoryBenchmark {

    private static final Duration FILL_TIMEOUT = Duration.ofSeconds(60);
    private static final int ALLOCATION_WORKERS = 1;
    private static final int ALLOCATION_SLOTS = 4;
    private static final int ALLOCATION_WINDOW = 100;

    private MemoryBenchmark() {
    }

    /**
     * @param system      what to measure
     * @param waiting     REQUESTs to buffer in a router without workers
     * @param warmup      steady-state run before allocations are counted
     * @param measurement the counted run
     * @param maxJobs     upper bound of jobs in either run
     */
    static MemoryResult measure(QueueSystem system, int waiting, Duration warmup, Duration measurement,
                                int maxJobs) throws InterruptedException {
        try {
            double retained = retainedPerWaitingRequest(system, waiting);
            try (Deployment deployment = system.start(ALLOCATION_WORKERS, ALLOCATION_SLOTS)) {
                WindowDriver.run(deployment, ALLOCATION_WINDOW, Workload.PAYLOAD, warmup, maxJobs,
                        LatencySamples.none());
                long worker = MemoryProbe.allocatedBytes(deployment.workerThreads());
                long router = MemoryProbe.allocatedBytes(deployment.routerThreads());
                WindowDriver.Phase phase = WindowDriver.run(deployment, ALLOCATION_WINDOW, Workload.PAYLOAD,
                        measurement, maxJobs, LatencySamples.none());
                double workerPerJob = (MemoryProbe.allocatedBytes(deployment.workerThreads()) - worker)
                        / (double) phase.jobs();
                double routerPerJob = (MemoryProbe.allocatedBytes(deployment.routerThreads()) - router)
                        / (double) phase.jobs();
                return new MemoryResult(system.name(), waiting, retained, workerPerJob, routerPerJob, null,
                        null, null, null);
            }
        } catch (RuntimeException e) {
            return MemoryResult.failed(system.name(), waiting, e);
        }
    }

    /**
     * Starts the system without workers, sends {@code count} REQUESTs from a bare DEALER (in a context of its
     * own, so the system's client keeps no bookkeeping for them) and divides the growth of the heap, after
     * full collections, by {@code count}. The growth includes ZeroMQ's buffers on both sides, which are
     * empty again once the router holds every REQUEST.
     */
    private static double retainedPerWaitingRequest(QueueSystem system, int count) throws InterruptedException {
        try (Deployment deployment = system.start(0, 1);
             ZContext context = new ZContext(1);
             RawEmqpClient sender = new RawEmqpClient(context, deployment.frontendEndpoint())) {
            long before = MemoryProbe.usedHeapAfterGc();
            for (int i = 0; i < count; i++) {
                sender.submit(Workload.PAYLOAD);
            }
            if (!deployment.awaitWaiting(count, FILL_TIMEOUT)) {
                throw new IllegalStateException(system.name() + "'s router did not buffer " + count
                        + " REQUESTs within " + FILL_TIMEOUT);
            }
            return (MemoryProbe.usedHeapAfterGc() - before) / (double) count;
        }
    }
}
