package io.eventmq.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.ProtocolException;
import io.eventmq.protocol.WireJson;
import io.eventmq.transport.ContextFailures;
import io.eventmq.transport.EmqpSocket;
import io.eventmq.transport.Mailbox;
import io.eventmq.transport.Poller;
import io.eventmq.util.LogText;
import io.eventmq.util.RateLimitedLog;
import tools.jackson.databind.JsonNode;

/**
 * The client's I/O thread: owns the DEALER, sends what callers hand over through the {@link Mailbox},
 * matches forwarded results to the waiting futures and fails those whose time is up. Callers' futures are
 * completed by the caller waiting in {@code get} or on the callback executor, never on this thread
 * ({@link ResultFuture}). {@link #status} reads only volatile and atomic
 * fields.
 */
final class ClientLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Client.class);

    /** How long a stop waits at most for the results still awaited. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    /** Messages read before the mailbox gets its turn. */
    private static final int BATCH = 256;

    /**
     * A message a caller hands over.
     *
     * @param message what to send
     * @param future  completed with the msgid once queued, or, a {@link ResultFuture}, with the forwarded result
     */
    record Outgoing(Message message, CompletableFuture<String> future) {

        boolean awaitsResult() {
            return future instanceof ResultFuture;
        }
    }

    private record Awaiting(ResultFuture future, long deadline) {
    }

    private final ZContext context;
    private final ClientSettings settings;
    private final Mailbox<Runnable> mailbox;
    private final CompletableFuture<String> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Runnable onEnd;
    private final RateLimitedLog warnings = new RateLimitedLog(log, Duration.ofSeconds(10));
    private final Executor callbacks;
    private final Map<String, Awaiting> awaiting = new LinkedHashMap<>();
    /** The awaited REQUESTs without a receipt yet, and when the receipt timeout passes for each; oldest first. */
    private final Map<String, Long> unreceipted = new LinkedHashMap<>();
    private final long timeoutMillis;
    private final long receiptMillis;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private volatile int awaitingCount;
    private volatile String identity;
    private volatile Throwable failure;
    private EmqpSocket socket;
    private boolean running = true;
    /** When a stop gives up waiting for the results still awaited; -1 while not stopping. */
    private long drainDeadline = -1;

    ClientLoop(ZContext context, ClientSettings settings, Mailbox<Runnable> mailbox, Executor callbacks,
               Runnable onEnd) {
        this.context = ContextFailures.watch(context);
        this.settings = settings;
        this.mailbox = mailbox;
        this.callbacks = callbacks;
        this.onEnd = onEnd;
        this.timeoutMillis = settings.requestTimeout().toMillis();
        this.receiptMillis = settings.receiptTimeout().toMillis();
    }

    /** Completes with the socket's identity once connected, or with why it could not connect. */
    CompletableFuture<String> connected() {
        return connected;
    }

    /** Completes when the I/O thread has ended. */
    CompletableFuture<Void> terminated() {
        return terminated;
    }

    String identity() {
        return identity;
    }

    ClientStatus status(boolean running) {
        return new ClientStatus(running, settings.address(), identity, awaitingCount, sent.get(), timedOut.get(),
                invalid.get(), failure());
    }

    /** The error that ended the I/O thread or one of ZeroMQ's, {@code null} while none did. */
    Throwable failure() {
        return failure != null ? failure : ContextFailures.of(context);
    }

    @Override
    public void run() {
        Poller poller = null;
        try {
            socket = EmqpSocket.dealer(context, settings.socketOptions());
            socket.connect(settings.address());
            poller = new Poller();
            poller.register(mailbox);
            poller.register(socket);
            identity = socket.identity();
            connected.complete(identity);
            loop(poller);
        } catch (Throwable e) {
            if (!connected.completeExceptionally(e)) {
                failure = e;
                log.error("Client stopped by an unexpected error", e);
            }
        } finally {
            running = false;
            onEnd.run();
            mailbox.drain(Runnable::run);
            IllegalStateException closed = new IllegalStateException("client closed before the result arrived");
            awaiting.values().forEach(waiting -> fail(waiting.future(), closed));
            awaiting.clear();
            unreceipted.clear();
            awaitingCount = 0;
            if (poller != null) {
                poller.close();
            }
            if (socket != null) {
                socket.close();
            }
            mailbox.close();
            terminated.complete(null);
        }
    }

    /**
     * Polls only when a whole pass over the mailbox and the socket found nothing: a poll is a select system
     * call, so a busy client reads and sends on without one.
     */
    private void loop(Poller poller) {
        boolean idle = false;
        while (running) {
            if (idle) {
                poller.poll(pollTimeout());
            }
            int handled = mailbox.drain(Runnable::run);
            if (running) {
                handled += read();
            }
            expire();
            if (drainDeadline >= 0 && (awaiting.isEmpty() || now() >= drainDeadline)) {
                running = false;
            }
            idle = handled == 0;
        }
    }

    /**
     * Stops once the results still awaited have come, or {@link #DRAIN} has passed: a REPLY on its way from a
     * worker that is itself stopping is not lost to a client closed a moment too soon.
     */
    void stop() {
        if (drainDeadline < 0) {
            drainDeadline = now() + DRAIN.toMillis();
        }
    }

    /** Sends a caller's message; fails its future when the client is closed or the send queue is full. */
    void send(Outgoing outgoing) {
        if (!running) {
            fail(outgoing, new IllegalStateException("client closed"));
            return;
        }
        Message message = outgoing.message();
        if (outgoing.awaitsResult() && awaiting.size() >= settings.maxAwaitingResults()) {
            fail(outgoing, new IllegalStateException(message.commandName() + " not sent: "
                    + awaiting.size() + " REQUESTs already await their results (maxAwaitingResults)"));
            return;
        }
        if (!socket.send(message)) {
            fail(outgoing, new IllegalStateException(message.commandName() + " not sent: the queue to the router at "
                    + settings.address() + " is full (" + settings.socketOptions().sendHighWaterMark()
                    + " messages, the send high-water mark): the router is away or slower than the callers"));
            return;
        }
        sent.incrementAndGet();
        if (outgoing.future() instanceof ResultFuture result) {
            awaiting.put(message.msgid(), new Awaiting(result, now() + timeoutMillis));
            awaitingCount = awaiting.size();
            if (receiptMillis > 0) {
                unreceipted.put(message.msgid(), now() + receiptMillis);
            }
        } else {
            outgoing.future().complete(message.msgid());
        }
    }

    private void fail(Outgoing outgoing, RuntimeException error) {
        if (outgoing.future() instanceof ResultFuture result) {
            fail(result, error);
        } else {
            outgoing.future().completeExceptionally(error);
        }
    }

    private long pollTimeout() {
        long deadline = awaiting.isEmpty() ? -1 : awaiting.values().iterator().next().deadline();
        if (!unreceipted.isEmpty()) {
            long receipt = unreceipted.values().iterator().next();
            deadline = deadline < 0 ? receipt : Math.min(deadline, receipt);
        }
        if (drainDeadline >= 0 && (deadline < 0 || drainDeadline < deadline)) {
            deadline = drainDeadline;
        }
        return deadline < 0 ? -1 : Math.max(0, deadline - now());
    }

    /** Handles up to {@link #BATCH} messages from the router. @return how many */
    private int read() {
        int i = 0;
        for (; i < BATCH; i++) {
            Message message;
            try {
                message = socket.receive();
            } catch (ProtocolException e) {
                invalid("Invalid message from the router: " + e.getMessage());
                continue;
            }
            if (message == null) {
                return i;
            }
            if (message.command() == Command.REPLY && message.body().size() >= 2) {
                result(message.body().get(0), message.body().get(1));
            } else if (message.command() == Command.REPLY && message.body().size() == 1) {
                unreceipted.remove(message.body().get(0));
            } else if (message.command() != Command.REPLY) {
                invalid("Unexpected " + message.commandName() + " " + message.msgid() + " from the router");
            }
        }
        return i;
    }

    private void invalid(String what) {
        invalid.incrementAndGet();
        warn("invalid", LogText.of(what));
    }

    /**
     * A forwarded result: the I/O thread only takes the waiting future off the books; reading the JSON and
     * completing the future happen on the thread that waits for it, or on the callback executor.
     */
    private void result(String json, String requestMsgid) {
        unreceipted.remove(requestMsgid);
        Awaiting waiting = awaiting.remove(requestMsgid);
        awaitingCount = awaiting.size();
        if (waiting == null) {
            callbacks.execute(() -> complete(null, json, requestMsgid));
            return;
        }
        ResultFuture future = waiting.future();
        future.deliver(() -> complete(future, json, requestMsgid), callbacks);
    }

    /**
     * Completes {@code future} with the value of {@code {"value": ...}}, or fails it with the error of
     * {@code {"value": ..., "error": {...}}}. With nobody waiting (the REQUEST timed out, or was sent without
     * waiting and then refused), an error is still logged once.
     */
    private void complete(CompletableFuture<String> future, String json, String requestMsgid) {
        JsonNode root;
        try {
            root = WireJson.read("result of " + requestMsgid, json);
            if (!root.isObject() || !root.has("value")) {
                throw new ProtocolException("result of " + requestMsgid + " is not {\"value\": ...}");
            }
        } catch (ProtocolException e) {
            invalid.incrementAndGet();
            warn("invalid result", "Invalid result from the router: " + LogText.of(e.getMessage()));
            if (future != null) {
                future.completeExceptionally(e);
            }
            return;
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            JobFailedException failure = failure(requestMsgid, error);
            if (future != null) {
                future.completeExceptionally(failure);
            } else {
                warn("unawaited failure", LogText.of(failure.getMessage()));
            }
        } else if (future != null) {
            future.complete(WireJson.write(root.get("value")));
        }
    }

    /** The I/O thread and the callback threads share one rate-limited log, one at a time. */
    private void warn(String kind, String line) {
        synchronized (warnings) {
            warnings.warn(kind, line);
        }
    }

    private static JobFailedException failure(String msgid, JsonNode error) {
        if (error.isObject()) {
            return new JobFailedException(msgid, error.path("type").asString(""),
                    error.path("message").asString(""), WireJson.write(error));
        }
        return new JobFailedException(msgid, "", error.asString(WireJson.write(error)), WireJson.write(error));
    }

    private void expire() {
        long now = now();
        Iterator<Map.Entry<String, Long>> unconfirmed = unreceipted.entrySet().iterator();
        while (unconfirmed.hasNext()) {
            Map.Entry<String, Long> entry = unconfirmed.next();
            if (entry.getValue() > now) {
                break;
            }
            unconfirmed.remove();
            Awaiting waiting = awaiting.remove(entry.getKey());
            awaitingCount = awaiting.size();
            timedOut.incrementAndGet();
            RouterLostException lost = new RouterLostException(entry.getKey(), settings.address(),
                    settings.receiptTimeout());
            warn("router lost", lost.getMessage());
            fail(waiting.future(), lost);
        }
        Iterator<Map.Entry<String, Awaiting>> oldest = awaiting.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Awaiting> entry = oldest.next();
            if (entry.getValue().deadline() > now) {
                return;
            }
            oldest.remove();
            unreceipted.remove(entry.getKey());
            awaitingCount = awaiting.size();
            timedOut.incrementAndGet();
            fail(entry.getValue().future(), new TimeoutException("no result for REQUEST " + entry.getKey()
                    + " within " + settings.requestTimeout()));
        }
    }

    private void fail(ResultFuture future, Throwable error) {
        future.deliver(() -> future.completeExceptionally(error), callbacks);
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
