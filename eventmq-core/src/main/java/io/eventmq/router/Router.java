package io.eventmq.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

import org.zeromq.ZContext;

import io.eventmq.protocol.Command;
import io.eventmq.transport.ContextFailures;
import io.eventmq.transport.IoScheduling;
import io.eventmq.transport.Mailbox;
import io.eventmq.util.IoThreads;

/**
 * The eMQP broker: clients and schedulers on the frontend, workers on the backend, administration tools on
 * the admin socket, all served by one I/O thread ({@code eventmq-router-N-io}, not a daemon: a running router
 * keeps the JVM up). Wire-compatible with the Python EventMQ 0.3.13 router, and
 * it also confirms every accepted REQUEST (with its result or refusal when that comes within the receipt delay,
 * else with a receipt of its own), forwards each worker's result to the client that sent the REQUEST, and answers
 * a refused REQUEST with an error REPLY.
 *
 * <pre>{@code
 * try (Router router = new Router(context, RouterSettings.DEFAULTS)) {
 *     RouterEndpoints endpoints = router.start();
 *     ...
 * }
 * }</pre>
 *
 * The {@link ZContext} is shared, not owned: the router closes its sockets, never the context.
 */
public final class Router implements AutoCloseable {

    /** Where REQUESTs for a queue no worker serves go; the reference's {@code DEFAULT_QUEUE_NAME}. */
    public static final String DEFAULT_QUEUE = "default";

    /** How long {@link #stop()} waits for the I/O thread's goodbyes, and a status for the I/O thread. */
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AtomicInteger ROUTERS = new AtomicInteger();

    private final ZContext context;
    private final RouterSettings settings;
    private final RouterListener listener;
    private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final String name;
    private final Object lock = new Object();
    private Mailbox<Runnable> mailbox;
    private RouterLoop loop;
    private Thread thread;
    private volatile RouterEndpoints endpoints;
    private volatile Throwable failure;
    private boolean ended;

    public Router(ZContext context, RouterSettings settings) {
        this(context, settings, new RouterListener() { });
    }

    public Router(ZContext context, RouterSettings settings, RouterListener listener) {
        this.context = ContextFailures.watch(Objects.requireNonNull(context, "context"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = new GuardedListener(Objects.requireNonNull(listener, "listener"));
        this.name = "eventmq-router-" + ROUTERS.incrementAndGet();
    }

    /**
     * Binds the three sockets and starts the I/O thread. Once only.
     *
     * @return the endpoints bound, with the ports picked for {@code *}
     * @throws IllegalArgumentException when an address cannot be bound
     * @throws IllegalStateException    when already started or stopped
     */
    public RouterEndpoints start() {
        CompletableFuture<RouterEndpoints> bound = new CompletableFuture<>();
        synchronized (lock) {
            if (thread != null || ended) {
                throw new IllegalStateException("router already " + (ended ? "stopped" : "started"));
            }
            mailbox = new Mailbox<>();
            loop = new RouterLoop(context, settings, listener, drops, mailbox, bound, this::ended);
            thread = IoScheduling.adopt(context).newThread(loop, name + "-io");
            thread.start();
        }
        try {
            endpoints = bound.join();
            return endpoints;
        } catch (CompletionException e) {
            IoThreads.join(thread);
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public RouterSettings settings() {
        return settings;
    }

    /** The endpoints bound by {@link #start()}, {@code null} before. */
    public RouterEndpoints endpoints() {
        return endpoints;
    }

    /** Whether the I/O thread runs: started, and neither stopped nor told DISCONNECT by an admin. */
    public boolean isRunning() {
        synchronized (lock) {
            return thread != null && !ended && ContextFailures.of(context) == null;
        }
    }

    /** How many times the router dropped or refused something for {@code reason}. Any thread. */
    public long drops(DropReason reason) {
        return drops.get(reason.ordinal());
    }

    /**
     * A snapshot of what the router is doing, taken on its I/O thread (a hop, no network). Any thread; when the
     * router does not run, or its I/O thread does not answer within 5 s, a snapshot without workers or queues
     * that says why it ended, if an error ended it.
     */
    public RouterStatus status() {
        if (ContextFailures.of(context) != null) {
            return notRunning();
        }
        CompletableFuture<RouterStatus> status = onIoThread(running -> running.status(endpoints));
        try {
            return status.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return notRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRunning();
        }
    }

    private RouterStatus notRunning() {
        return new RouterStatus(false, endpoints, List.of(), 0, Map.of(), 0, 0, Map.of(),
                failure != null ? failure : ContextFailures.of(context));
    }

    /**
     * The JSON document the admin socket answers {@code command} with ({@code STATUS},
     * {@code ROUTER_SHOW_WORKERS}, {@code ROUTER_SHOW_SCHEDULERS}), without a socket.
     *
     * @return completes on the I/O thread; fails with {@link IllegalStateException} when the router does not run
     */
    public CompletableFuture<String> adminReport(Command command) {
        return onIoThread(running -> running.adminReport(command));
    }

    private <T> CompletableFuture<T> onIoThread(Function<RouterLoop, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        synchronized (lock) {
            if (thread == null || ended) {
                answer.completeExceptionally(new IllegalStateException("the router does not run"));
                return answer;
            }
            RouterLoop running = loop;
            mailbox.post(() -> {
                try {
                    answer.complete(question.apply(running));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        }
        return answer;
    }

    /**
     * Begins to stop and returns at once: KBYE to every worker and scheduler, the waiting REQUESTs refused, the
     * sockets closed.
     *
     * @return completes when the I/O thread has ended
     */
    public CompletableFuture<Void> stopAsync() {
        synchronized (lock) {
            if (thread == null) {
                ended = true;
                terminated.complete(null);
            } else if (!ended) {
                RouterLoop running = loop;
                mailbox.post(() -> running.stop("stop() called"));
            }
        }
        return terminated;
    }

    /**
     * Stops (see {@link #stopAsync()}) and waits at most the sockets' linger and a few seconds more. Idempotent.
     *
     * @return whether the router stopped within that time
     */
    public boolean stop() {
        return IoThreads.awaitStop(thread, stopAsync(), settings.socketOptions().linger().plus(WAIT));
    }

    /** {@link #stop()}; idempotent. */
    @Override
    public void close() {
        stop();
    }

    /**
     * On the I/O thread, as it ends: questions posted before the end are still answered (from the state the
     * loop leaves), later ones fail at once, so no status() or adminReport() waits for nothing.
     */
    private void ended(Throwable cause) {
        failure = cause;
        synchronized (lock) {
            ended = true;
            mailbox.drain(Runnable::run);
            mailbox.close();
        }
        terminated.complete(null);
    }
}
