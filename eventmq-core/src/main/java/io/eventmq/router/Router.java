package io.eventmq.router;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLongArray;

import org.zeromq.ZContext;

import io.eventmq.transport.Mailbox;
import io.eventmq.util.IoThreads;

/**
 * The eMQP broker: clients and schedulers on the frontend, workers on the backend, administration tools on
 * the admin socket, all served by one I/O thread. Wire-compatible with the Python EventMQ 0.3.13 router, and
 * it also sends a receipt for every accepted REQUEST, forwards each worker's result to the client that sent
 * the REQUEST, and answers a refused REQUEST with an error REPLY.
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

    private final ZContext context;
    private final RouterSettings settings;
    private final RouterListener listener;
    private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);
    private final Object lock = new Object();
    private Mailbox<Runnable> mailbox;
    private RouterLoop loop;
    private Thread thread;
    private volatile RouterEndpoints endpoints;
    private boolean ended;

    public Router(ZContext context, RouterSettings settings) {
        this(context, settings, new RouterListener() { });
    }

    public Router(ZContext context, RouterSettings settings, RouterListener listener) {
        this.context = Objects.requireNonNull(context, "context");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = new GuardedListener(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Binds the three sockets and starts the I/O thread.
     *
     * @return the endpoints bound, with the ports picked for {@code *}
     * @throws IllegalArgumentException when an address cannot be bound
     * @throws IllegalStateException    when already started
     */
    public RouterEndpoints start() {
        CompletableFuture<RouterEndpoints> bound = new CompletableFuture<>();
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("router already started");
            }
            mailbox = new Mailbox<>();
            loop = new RouterLoop(context, settings, listener, drops, mailbox, bound, this::ended);
            thread = new Thread(loop, "eventmq-router");
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

    /** The endpoints bound by {@link #start()}, {@code null} before. */
    public RouterEndpoints endpoints() {
        return endpoints;
    }

    /** Whether the I/O thread runs: started, and neither stopped nor told DISCONNECT by an admin. */
    public boolean isRunning() {
        synchronized (lock) {
            return thread != null && !ended;
        }
    }

    /** How many times the router dropped or refused something for {@code reason}. Any thread. */
    public long drops(DropReason reason) {
        return drops.get(reason.ordinal());
    }

    /** Sends KBYE to every worker and scheduler, refuses the waiting REQUESTs, closes the sockets. Idempotent. */
    public void stop() {
        synchronized (lock) {
            if (thread == null) {
                return;
            }
            RouterLoop running = loop;
            mailbox.post(() -> running.stop("stop() called"));
        }
        IoThreads.join(thread);
    }

    @Override
    public void close() {
        stop();
    }

    private void ended() {
        synchronized (lock) {
            ended = true;
            mailbox.close();
        }
    }
}
