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
import io.eventmq.transport.LinkMonitor;
import io.eventmq.transport.Mailbox;
import io.eventmq.transport.Poller;
import io.eventmq.util.LogText;
import io.eventmq.util.RateLimitedLog;
import tools.jackson.databind.JsonNode;

/**
 * The client's I/O thread: owns the DEALER, sends what callers hand over through the {@link Mailbox} (while it
 * waits, callers send in its turn themselves), matches forwarded results to the waiting futures and fails those
 * whose time is up. Callers' futures are completed by the caller waiting in {@code get} or on the callback
 * executor, never on this thread ({@link ResultFuture}). {@link #status} reads only volatile and atomic fields.
 * <p>
 * With receipts on, each REQUEST is kept until the router's receipt. When the connection to the router closes,
 * the REQUESTs with a receipt and no result are lost with the router and fail with {@link RouterLostException};
 * the socket is made anew (dropping what ZeroMQ still held for the dead connection) and the REQUESTs without a
 * receipt are sent again on it, so that each reaches the next router once. Receipt clocks run only while
 * connected: a call made during an outage waits for the router, up to its request timeout.
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

    /** A REQUEST sent and not yet confirmed, and when its receipt timeout passes ({@link #PAUSED} while away). */
    private record Unreceipted(Message request, long deadline) {
    }

    /** The receipt deadline while the router is away. */
    private static final long PAUSED = Long.MAX_VALUE;

    private final ZContext context;
    private final ClientSettings settings;
    private final Mailbox<Runnable> mailbox;
    private final CompletableFuture<String> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Runnable onEnd;
    private final RateLimitedLog warnings = new RateLimitedLog(log, Duration.ofSeconds(10));
    private final Executor callbacks;
    private final Map<String, Awaiting> awaiting = new LinkedHashMap<>();
    /** The REQUESTs without a receipt yet, oldest first; their deadlines never decrease along the map. */
    private final Map<String, Unreceipted> unreceipted = new LinkedHashMap<>();
    private final long timeoutMillis;
    private final long receiptMillis;
    /** How soon a new REQUEST's first deadline (its receipt's, else its result's) can be: at least 1 ms. */
    private final long firstDeadlineMillis;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private volatile int awaitingCount;
    private volatile String identity;
    private volatile boolean linkUp;
    /** Whether the router sent anything since the link last went down. */
    private boolean heard;
    private volatile Throwable failure;
    private EmqpSocket socket;
    private LinkMonitor link;
    private Poller poller;
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
        this.firstDeadlineMillis = Math.max(1, receiptMillis > 0 ? Math.min(receiptMillis, timeoutMillis)
                : timeoutMillis);
    }

    /** Completes with the socket's identity once connected, or with why it could not connect. */
    CompletableFuture<String> connected() {
        return connected;
    }

    /** Completes when the I/O thread has ended. */
    CompletableFuture<Void> terminated() {
        return terminated;
    }

    ClientStatus status(boolean running) {
        return new ClientStatus(running, settings.address(), identity, linkUp, awaitingCount, sent.get(),
                resent.get(), timedOut.get(), invalid.get(), failure());
    }

    /** The error that ended the I/O thread or one of ZeroMQ's, {@code null} while none did. */
    Throwable failure() {
        return failure != null ? failure : ContextFailures.of(context);
    }

    @Override
    public void run() {
        try {
            poller = new Poller();
            poller.register(mailbox);
            socket = EmqpSocket.dealer(context, settings.socketOptions());
            connect();
            connected.complete(identity);
            loop();
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
            linkUp = false;
            if (poller != null) {
                poller.close();
            }
            if (link != null) {
                link.close();
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
    private void loop() {
        boolean idle = false;
        while (running) {
            if (idle) {
                poller.poll(pollTimeout());
            }
            int handled = mailbox.drain(Runnable::run);
            if (running) {
                handled += read();
                handled += watchLink();
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
            fail(outgoing, tooManyAwaited(awaiting.size()));
            return;
        }
        if (!socket.send(message)) {
            fail(outgoing, new IllegalStateException(message.commandName() + " not sent: the queue to the router at "
                    + settings.address() + " is full (" + settings.socketOptions().sendHighWaterMark()
                    + " messages, the send high-water mark): the router is away or slower than the callers"));
            return;
        }
        sent.incrementAndGet();
        if (receiptMillis > 0 && message.command() == Command.REQUEST) {
            unreceipted.put(message.msgid(), new Unreceipted(message, receiptDeadline()));
        }
        if (outgoing.future() instanceof ResultFuture result) {
            awaiting.put(message.msgid(), new Awaiting(result, now() + timeoutMillis));
            awaitingCount = awaiting.size();
        } else {
            outgoing.future().complete(message.msgid());
        }
    }

    /** Why a REQUEST beyond {@link ClientSettings#maxAwaitingResults()} fails at once. */
    static IllegalStateException tooManyAwaited(int count) {
        return new IllegalStateException("REQUEST not sent: " + count
                + " REQUESTs already await their results (maxAwaitingResults)");
    }

    /** How many REQUESTs await their results, as the I/O thread last counted them. Any thread. */
    int awaitingCount() {
        return awaitingCount;
    }

    private long receiptDeadline() {
        return linkUp ? now() + receiptMillis : PAUSED;
    }

    /** Connects the socket, watched by a new link monitor, and lets both wake the poller. */
    private void connect() {
        link = new LinkMonitor(context, socket);
        socket.connect(settings.address());
        poller.register(socket);
        poller.register(link);
        identity = socket.identity();
    }

    /** Handles the link's changes in order. @return how many */
    private int watchLink() {
        int changes = 0;
        for (LinkMonitor.Change change = link.next(); change != null; change = link.next()) {
            changes++;
            if (change == LinkMonitor.Change.UP) {
                linkUp = true;
                long deadline = now() + receiptMillis;
                unreceipted.replaceAll((msgid, request) -> new Unreceipted(request.request(), deadline));
            } else if (linkUp) {
                linkUp = false;
                heard = false;
                if (receiptMillis > 0 && !(awaiting.isEmpty() && unreceipted.isEmpty())) {
                    linkLost();
                    return changes;
                }
            }
        }
        return changes;
    }

    /**
     * The connection to the router closed after it was up: reads what arrived before, fails the REQUESTs the
     * router took and did not answer, makes the socket anew and sends the unconfirmed REQUESTs again on it.
     */
    private void linkLost() {
        while (read() > 0) {
            continue;
        }
        int gone = 0;
        Iterator<Map.Entry<String, Awaiting>> taken = awaiting.entrySet().iterator();
        while (taken.hasNext()) {
            Map.Entry<String, Awaiting> entry = taken.next();
            if (!unreceipted.containsKey(entry.getKey())) {
                taken.remove();
                gone++;
                timedOut.incrementAndGet();
                fail(entry.getValue().future(), RouterLostException.connectionLost(entry.getKey(),
                        settings.address()));
            }
        }
        awaitingCount = awaiting.size();
        poller.unregister(link);
        poller.unregister(socket);
        link.close();
        socket.rebuild();
        connect();
        int again = 0;
        Iterator<Unreceipted> requests = unreceipted.values().iterator();
        while (requests.hasNext()) {
            Unreceipted request = requests.next();
            if (socket.send(request.request())) {
                again++;
            } else {
                requests.remove();
                String msgid = request.request().msgid();
                RouterLostException lost = RouterLostException.notResent(msgid, settings.address());
                if (!failAwaiting(msgid, lost)) {
                    warn("router lost", lost.getMessage());
                }
            }
        }
        resent.addAndGet(again);
        unreceipted.replaceAll((msgid, request) -> new Unreceipted(request.request(), PAUSED));
        warn("link lost", "Lost the connection to the router at " + settings.address() + ": " + gone
                + " REQUESTs it took are lost with it, " + again + " unconfirmed ones go to the next router");
    }

    /**
     * A REQUEST lost with its router: counted, and its future, if one awaits it (not a {@code send}), failed.
     *
     * @return whether a future awaited it
     */
    private boolean failAwaiting(String msgid, RouterLostException lost) {
        Awaiting waiting = awaiting.remove(msgid);
        awaitingCount = awaiting.size();
        timedOut.incrementAndGet();
        if (waiting == null) {
            return false;
        }
        fail(waiting.future(), lost);
        return true;
    }

    private void fail(Outgoing outgoing, RuntimeException error) {
        if (outgoing.future() instanceof ResultFuture result) {
            fail(result, error);
        } else {
            outgoing.future().completeExceptionally(error);
        }
    }

    /**
     * Until the next deadline, and never longer than a new REQUEST's first one: a caller's REQUEST sent while
     * this thread waits ({@link Mailbox#runOrPost}) brings deadlines the wait does not know.
     */
    private long pollTimeout() {
        long deadline = now() + firstDeadlineMillis;
        if (!awaiting.isEmpty()) {
            deadline = Math.min(deadline, awaiting.values().iterator().next().deadline());
        }
        if (!unreceipted.isEmpty()) {
            deadline = Math.min(deadline, unreceipted.values().iterator().next().deadline());
        }
        if (drainDeadline >= 0) {
            deadline = Math.min(deadline, drainDeadline);
        }
        return Math.max(0, deadline - now());
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
            heard = true;
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
        Iterator<Map.Entry<String, Unreceipted>> unconfirmed = unreceipted.entrySet().iterator();
        while (unconfirmed.hasNext()) {
            Map.Entry<String, Unreceipted> entry = unconfirmed.next();
            if (entry.getValue().deadline() > now) {
                break;
            }
            unconfirmed.remove();
            RouterLostException lost = RouterLostException.noReceipt(entry.getKey(), settings.address(),
                    settings.receiptTimeout());
            warn("router lost", lost.getMessage());
            failAwaiting(entry.getKey(), lost);
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
                    + " within " + settings.requestTimeout() + (heard ? "" : ": the router at " + settings.address()
                    + " has not answered on this connection; it is unreachable, or refuses this client's "
                    + "connection")));
        }
    }

    private void fail(ResultFuture future, Throwable error) {
        future.deliver(() -> future.completeExceptionally(error), callbacks);
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
