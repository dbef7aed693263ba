package io.eventmq.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

import org.zeromq.ZContext;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.Message;
import io.eventmq.transport.IoScheduling;
import io.eventmq.transport.Mailbox;
import io.eventmq.util.IoThreads;

/**
 * Sends REQUEST, SCHEDULE and UNSCHEDULE to a router's frontend and receives the results our router forwards.
 * Thread-safe: callers in any thread hand their messages to the client's own I/O thread
 * ({@code eventmq-client-N-io}), which owns the DEALER, or, while it waits, send them in its turn themselves
 * ({@link Mailbox#runOrPost}). ZeroMQ connects and reconnects in the background; while
 * the router is away, messages wait in the socket up to its send high-water mark, and a call beyond that
 * fails with {@link IllegalStateException}. What a lost router means for each call: {@code docs/reliability.md}.
 *
 * <pre>{@code
 * try (Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend()))) {
 *     client.start();
 *     String value = client.request("default", Headers.NONE,
 *             JobPayload.of("jobs", "echo", List.of(1), Map.of()).encode()).get();
 * }
 * }</pre>
 *
 * The {@link ZContext} is shared, not owned.
 */
public final class Client implements AutoCloseable {

    private static final String DEFAULT_QUEUE = "default";
    /** The headers frame of a {@link #request} made with {@link Headers#NONE}, the usual case. */
    private static final String REPLY_REQUESTED = Headers.NONE.withReplyRequested(true).encode();
    private static final Duration STOP_BOUND = Duration.ofSeconds(5);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Object lock = new Object();
    private final ClientSettings settings;
    private final Mailbox<Runnable> mailbox = new Mailbox<>();
    private final ClientLoop loop;
    private final String name;
    /** REQUESTs handed to the I/O thread and not yet taken by it: they count towards maxAwaitingResults. */
    private final AtomicInteger handed = new AtomicInteger();
    private Thread thread;
    private boolean closed;

    /**
     * A client whose futures complete on {@code callbacks}, or on the caller waiting in {@code get} or
     * {@code join}, never on its I/O thread. Nothing happens until {@link #start()}.
     */
    public Client(ZContext context, ClientSettings settings, Executor callbacks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loop = new ClientLoop(Objects.requireNonNull(context, "context"), settings, mailbox,
                Objects.requireNonNull(callbacks, "callbacks"), this::ended);
        this.name = "eventmq-client-" + CLIENTS.incrementAndGet();
    }

    /** A client whose futures complete on the common pool. */
    public Client(ZContext context, ClientSettings settings) {
        this(context, settings, ForkJoinPool.commonPool());
    }

    /**
     * Starts the I/O thread and connects to {@code settings.address()}. Once only. The I/O thread keeps the
     * caller's scheduling policy, not the context's {@link IoScheduling}: it hands results to the callback
     * executor, whose threads it may start, and a thread inherits the policy of the thread that starts it.
     *
     * @throws IllegalArgumentException when the address cannot be connected to (malformed)
     * @throws IllegalStateException    when already started or closed
     */
    public void start() {
        CompletableFuture<String> connected;
        synchronized (lock) {
            if (thread != null || closed) {
                throw new IllegalStateException("client already " + (closed ? "closed" : "started"));
            }
            connected = loop.connected();
            thread = IoScheduling.DEFAULT.newThread(loop, name + "-io");
            thread.start();
        }
        join(connected);
    }

    /** Whether the client was started and is neither closed nor dead. */
    public boolean isRunning() {
        synchronized (lock) {
            return thread != null && !closed && loop.failure() == null;
        }
    }

    /** A snapshot of what the client is doing. Any thread, cheap. */
    public ClientStatus status() {
        return loop.status(isRunning());
    }

    public ClientSettings settings() {
        return settings;
    }

    /**
     * Sends a REQUEST without waiting for its result (fire and forget).
     *
     * @return the REQUEST's msgid
     * @throws IllegalStateException when closed or when the send queue is full (router away too long)
     */
    public String send(String queue, Headers headers, String payload) {
        return queued(Message.of(Command.REQUEST, queue, headers.encode(), payload));
    }

    /**
     * Sends a REQUEST with {@code reply-requested} and returns its result: the JSON text of the job's
     * {@code value}. The future fails with {@link JobFailedException} when the result carries an error (the
     * job failed, or the router refused the REQUEST), with {@link java.util.concurrent.TimeoutException}
     * after {@link ClientSettings#requestTimeout()}, with {@link RouterLostException} when the router took the
     * REQUEST and its connection closed before the result (ended or restarted) or, connected, sent no receipt
     * within {@link ClientSettings#receiptTimeout()}, and with {@link IllegalStateException} when the message
     * could not be queued (router away too long), when too many results are awaited already, or when the
     * client closed before the result. A REQUEST the router had not confirmed when the connection closed is sent
     * again to the next router. Completed by the caller blocked in its {@code get} or {@code join}, woken
     * by the I/O thread directly, or else on the callback executor; never on the I/O thread. A Python reference
     * worker reports a failed job as {@code {"value": "<error text>"}}, which cannot be told from a text result:
     * the future completes with it.
     *
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<String> request(String queue, Headers headers, String payload) {
        String headersFrame = headers.equals(Headers.NONE) ? REPLY_REQUESTED
                : headers.withReplyRequested(true).encode();
        Message message = Message.of(Command.REQUEST, queue, headersFrame, payload);
        ResultFuture result = new ResultFuture();
        hand(new ClientLoop.Outgoing(message, result));
        return result;
    }

    /**
     * Sends the reference's job payload ({@code ["run", {"path", "callable", ...}]}) to the default queue,
     * fire and forget, like the reference's {@code defer_job}.
     *
     * @return the REQUEST's msgid
     */
    public String defer(String path, String callable, List<?> args, Map<String, ?> kwargs) {
        return send(DEFAULT_QUEUE, Headers.NONE, JobPayload.of(path, callable, args, kwargs).encode());
    }

    /**
     * Asks a scheduler to run {@code payload} on {@code queue} every {@code interval} (whole seconds).
     *
     * @return the SCHEDULE's msgid; a refusal (no scheduler) arrives as an error REPLY and is logged
     */
    public String schedule(String queue, Headers headers, Duration interval, String payload) {
        if (interval.toSeconds() < 1) {
            throw new IllegalArgumentException("interval must be 1 s or more, was " + interval);
        }
        return queued(scheduleMessage(Command.SCHEDULE, queue, headers, interval.toSeconds(), payload, ""));
    }

    /**
     * Asks a scheduler to run {@code payload} on {@code queue} by a 5-field {@code cron} expression.
     *
     * @return the SCHEDULE's msgid
     */
    public String schedule(String queue, Headers headers, String cron, String payload) {
        if (cron.isBlank()) {
            throw new IllegalArgumentException("cron must not be blank");
        }
        return queued(scheduleMessage(Command.SCHEDULE, queue, headers, -1, payload, cron));
    }

    /**
     * Asks every scheduler to drop the schedule of {@code payload} (schedules are identified by payload).
     *
     * @return the UNSCHEDULE's msgid
     */
    public String unschedule(String queue, Headers headers, String payload) {
        return queued(scheduleMessage(Command.UNSCHEDULE, queue, headers, -1, payload, ""));
    }

    private static Message scheduleMessage(Command command, String queue, Headers headers, long intervalSeconds,
                                           String payload, String cron) {
        return Message.of(command, queue, headers.encode(), Long.toString(intervalSeconds), payload, cron);
    }

    /** Hands {@code message} to the I/O thread and waits until it is queued on the socket. */
    private String queued(Message message) {
        CompletableFuture<String> queued = new CompletableFuture<>();
        hand(new ClientLoop.Outgoing(message, queued));
        return join(queued);
    }

    /**
     * Hands {@code outgoing} to the I/O thread, or sends it in its turn. A REQUEST awaiting its result fails at
     * once when, with those handed over before and not yet sent, it would be more than
     * {@link ClientSettings#maxAwaitingResults()}: callers faster than the I/O thread fill no unbounded mailbox.
     */
    private void hand(ClientLoop.Outgoing outgoing) {
        synchronized (lock) {
            if (thread == null || closed) {
                throw new IllegalStateException("client " + (closed ? "closed" : "not started"));
            }
            if (!outgoing.awaitsResult()) {
                mailbox.runOrPost(() -> loop.send(outgoing), Runnable::run);
                return;
            }
            int pending = handed.get() + loop.awaitingCount();
            if (pending >= settings.maxAwaitingResults()) {
                outgoing.future().completeExceptionally(ClientLoop.tooManyAwaited(pending));
                return;
            }
            handed.incrementAndGet();
            mailbox.runOrPost(() -> {
                handed.decrementAndGet();
                loop.send(outgoing);
            }, Runnable::run);
        }
    }

    /**
     * Begins to stop and returns at once: no new call is taken, what was handed over before is sent, results
     * still awaited may arrive for up to 10 s (then their futures fail), the socket closes (its linger lets
     * queued messages leave).
     *
     * @return completes when the I/O thread has ended
     */
    public CompletableFuture<Void> stopAsync() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                if (thread == null) {
                    loop.terminated().complete(null);
                } else {
                    mailbox.post(loop::stop);
                }
            }
        }
        return loop.terminated();
    }

    /**
     * Stops (see {@link #stopAsync()}) and waits at most the 10 s for results, the socket's linger and a few
     * seconds more.
     *
     * @return whether the client stopped within that time
     */
    public boolean stop() {
        return IoThreads.awaitStop(thread, stopAsync(),
                ClientLoop.DRAIN.plus(settings.socketOptions().linger()).plus(STOP_BOUND));
    }

    /** {@link #stop()}; idempotent. */
    @Override
    public void close() {
        stop();
    }

    private void ended() {
        synchronized (lock) {
            closed = true;
        }
    }

    private static String join(CompletableFuture<String> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
