package io.eventmq.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.device.WorkerService;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.WireJson;
import io.eventmq.router.Router;
import io.eventmq.transport.EmqpSocket;
import io.eventmq.transport.Poller;
import io.eventmq.transport.SocketOptions;
import tools.jackson.databind.JsonNode;

/**
 * A running {@link EventMqSystem}. {@link Client#request} does not expose the REQUEST's msgid, so
 * {@link #submit} numbers its jobs itself; each future hands its number to {@link #awaitReply} through a
 * queue, on whatever thread completes it. With one job in flight (window 1) {@link #awaitReply} waits in the
 * future's {@code get}, as a caller that sends one request at a time does.
 */
final class EventMqDeployment implements Deployment {

    private static final String ROUTER_THREAD = "eventmq-router";
    private static final String WORKER_IO_THREAD = "eventmq-worker-";
    private static final long CHECK_MILLIS = 10;

    private final ZContext context;
    private final Router router;
    private final List<WorkerService> workers;
    private final Client client;
    private final WaitingWatch waiting;
    private final Set<Thread> before;
    private final BlockingQueue<String> completed = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> inFlight = new HashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long submitted;

    EventMqDeployment(ZContext context, Router router, List<WorkerService> workers, Client client,
                      WaitingWatch waiting, Set<Thread> before) {
        this.context = context;
        this.router = router;
        this.workers = List.copyOf(workers);
        this.client = client;
        this.waiting = waiting;
        this.before = Set.copyOf(before);
    }

    static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    @Override
    public String submit(String payload) {
        String id = Long.toString(submitted++);
        CompletableFuture<String> result = client.request(Workload.QUEUE, Headers.NONE, payload);
        inFlight.put(id, result);
        result.whenComplete((value, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            completed.add(id);
        });
        return id;
    }

    @Override
    public String awaitReply(Duration timeout) throws InterruptedException {
        String id;
        if (inFlight.size() == 1) {
            id = inFlight.keySet().iterator().next();
            try {
                inFlight.get(id).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return null;
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
            completed.remove(id);
        } else {
            id = completed.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        Throwable error = failure.get();
        if (error != null) {
            throw new IllegalStateException("a job failed: " + error, error);
        }
        inFlight.remove(id);
        return id;
    }

    @Override
    public String frontendEndpoint() {
        return router.endpoints().frontend();
    }

    @Override
    public boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        return waiting.await(count, timeout);
    }

    /** Asks the admin socket (ROUTER_SHOW_WORKERS) until the workers' free slots add up to {@code slots}. */
    boolean awaitSlots(int slots, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (EmqpSocket admin = EmqpSocket.dealer(context, SocketOptions.DEFAULTS.withLinger(Duration.ZERO));
             Poller poller = new Poller()) {
            admin.connect(router.endpoints().admin());
            poller.register(admin);
            while (System.nanoTime() - deadline < 0) {
                if (freeSlots(admin, poller) >= slots) {
                    return true;
                }
                Thread.sleep(CHECK_MILLIS);
            }
            return false;
        }
    }

    private static int freeSlots(EmqpSocket admin, Poller poller) {
        admin.send(Message.of(Command.ROUTER_SHOW_WORKERS));
        poller.poll(1000);
        Message answer = admin.receive();
        if (answer == null) {
            return 0;
        }
        int free = 0;
        for (JsonNode worker : WireJson.read("ROUTER_SHOW_WORKERS", answer.frame(0)).path("connected_workers")) {
            free += worker.path("available_slots").asInt();
        }
        return free;
    }

    @Override
    public List<Thread> routerThreads() {
        return newThreads(ROUTER_THREAD);
    }

    /** The I/O and job threads of this deployment's workers (job threads start with their first job). */
    @Override
    public List<Thread> workerThreads() {
        return newThreads(WORKER_IO_THREAD);
    }

    private List<Thread> newThreads(String prefix) {
        List<Thread> threads = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            if (thread.getName().startsWith(prefix) && !before.contains(thread)) {
                threads.add(thread);
            }
        }
        return threads;
    }

    @Override
    public void close() {
        try {
            client.close();
            workers.forEach(WorkerService::stop);
            router.close();
        } finally {
            context.close();
        }
    }
}
