package io.eventmq.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.WorkerService;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;
import io.eventmq.transport.SocketOptions;

/**
 * EventMQ itself: our {@link Router}, {@link WorkerService}s with a no-op handler that returns the payload's args
 * without reading the payload, as the baseline's worker does, and our {@link Client}, sharing one ZeroMQ context with one I/O thread. Heartbeats stay at their defaults.
 */
final class EventMqSystem implements QueueSystem {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final String ANY_PORT = "tcp://127.0.0.1:*";
    /**
     * Messages the router's and the client's sockets queue per peer, above the default 1,000: at window 1,000
     * the REQUESTs, the receipts and the REPLYs of one client may all be queued at once.
     */
    private static final SocketOptions SOCKETS = SocketOptions.DEFAULTS.withHighWaterMarks(10_000, 10_000);
    /** What every job returns: the REPLY's result is {@code {"value": [12345678901]}}, the baseline's. */
    private static final List<Long> RESULT = List.of(12345678901L);

    private final int queueHighWaterMark;

    /**
     * @param waitingRequests REQUESTs the router must buffer without a worker (the retained-heap figure), all
     *                        from one DEALER: one sender may fill the queue (a per-client share of 1)
     */
    EventMqSystem(int waitingRequests) {
        this.queueHighWaterMark = Math.max(waitingRequests, RouterSettings.DEFAULTS.queueHighWaterMark());
    }

    @Override
    public String name() {
        return "eventmq";
    }

    @Override
    public Deployment start(int workers, int slotsPerWorker) throws InterruptedException {
        ZContext context = new ZContext(1);
        WaitingWatch waiting = new WaitingWatch();
        Set<Thread> before = EventMqDeployment.liveThreads();
        Router router = new Router(context, RouterSettings.DEFAULTS
                .withAddresses(ANY_PORT, ANY_PORT, ANY_PORT)
                .withQueueHighWaterMark(queueHighWaterMark).withPerClientShare(1)
                .withSocketOptions(SOCKETS), waiting);
        List<WorkerService> started = new ArrayList<>(workers);
        Client client = null;
        try {
            RouterEndpoints endpoints = router.start();
            for (int number = 0; number < workers; number++) {
                WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS
                        .withAddress(endpoints.backend())
                        .withConcurrency(slotsPerWorker), new Handlers().onAnyRequest(job -> RESULT));
                worker.start();
                started.add(worker);
            }
            client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend())
                    .withSocketOptions(SOCKETS));
            client.start();
            EventMqDeployment deployment = new EventMqDeployment(context, router, started, client, waiting, before);
            if (!deployment.awaitSlots(workers * slotsPerWorker, START_TIMEOUT)) {
                throw new IllegalStateException("eventmq workers not ready within " + START_TIMEOUT);
            }
            return deployment;
        } catch (RuntimeException | InterruptedException e) {
            if (client != null) {
                client.close();
            }
            started.forEach(WorkerService::stop);
            router.close();
            context.close();
            throw e;
        }
    }
}
