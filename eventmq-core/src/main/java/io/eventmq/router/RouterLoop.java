package io.eventmq.router;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.HeartbeatTimestamp;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.ProtocolException;
import io.eventmq.protocol.QueueList;
import io.eventmq.protocol.ResultFrame;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.protocol.WireJson;
import io.eventmq.transport.Curve;
import io.eventmq.transport.CurveAuthenticator;
import io.eventmq.transport.EmqpSocket;
import io.eventmq.transport.FrameText;
import io.eventmq.transport.HandshakeMonitor;
import io.eventmq.transport.Mailbox;
import io.eventmq.transport.Poller;
import io.eventmq.util.LogText;
import io.eventmq.util.RateLimitedLog;
import tools.jackson.databind.JsonNode;

/**
 * The router's I/O thread: owns the three ROUTER sockets and all routing state, and computes its poll
 * timeout from the next heartbeat tick. Other threads reach it only through the {@link Mailbox}.
 */
final class RouterLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    /** Messages read from one socket before the others get their turn. */
    private static final int BATCH = 256;
    /** At most one WARN line per {@link DropReason} in this time; the next one says how many were not logged. */
    static final Duration WARN_INTERVAL = Duration.ofSeconds(10);
    /** INFO lines of one kind of peer event (worker joins, removals, ...) per {@link #WARN_INTERVAL}. */
    private static final int PEER_LINES = 5;
    /** Unknown workers remembered as told KBYE; the oldest is forgotten first. */
    private static final int TOLD_KBYE_LIMIT = 10_000;
    /** The error type of a stopping worker's refusal of a REQUEST it did not run (the device's JobResult). */
    private static final String WORKER_STOPPING = "WorkerStopping";
    /** REQUESTs remembered as taken back from a lost worker, to tell its late REPLY; the oldest go first. */
    private static final int LOST_LIMIT = 10_000;

    private enum Side {
        FRONTEND(DropReason.INVALID_FRONTEND),
        BACKEND(DropReason.INVALID_BACKEND),
        ADMIN(DropReason.INVALID_ADMIN);

        final DropReason invalid;

        Side(DropReason invalid) {
            this.invalid = invalid;
        }
    }

    private final ZContext context;
    private final RouterSettings settings;
    private final RouterListener listener;
    private final AtomicLongArray drops;
    private final Mailbox<Runnable> mailbox;
    private final CompletableFuture<RouterEndpoints> bound;
    private final Consumer<Throwable> onEnd;
    private final Workers workers;
    private final Schedulers schedulers = new Schedulers();
    private final PendingRequests pending;
    private final RateLimitedLog warnings = new RateLimitedLog(log, WARN_INTERVAL);
    /** INFO lines of peers joining and leaving: a peer that INFORMs and leaves in a loop cannot flood the log. */
    private final RateLimitedLog peerLog = new RateLimitedLog(log, WARN_INTERVAL, PEER_LINES);
    /**
     * Unknown workers told KBYE, oldest first: each is told once. The reference job manager ignores KBYE
     * and counts any message as a heartbeat, so a KBYE for each of its HEARTBEATs kept it alive forever.
     */
    private final Set<String> toldKbye = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > TOLD_KBYE_LIMIT;
        }
    });
    /** The msgids of REQUESTs taken back from lost workers, and the worker each was taken from; oldest first. */
    private final Map<String, String> lostFrom = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > LOST_LIMIT;
        }
    };
    /**
     * Workers that said KBYE with REQUESTs still dispatched to them, by id: a stopping worker lets its running
     * jobs finish and sends their REPLYs. Forgotten when they have none left; lost when they cannot be sent to.
     */
    private final Set<String> leaving = new LinkedHashSet<>();
    /**
     * The REPLYs for clients (receipts, results, refusals) of this pass, sent together at its end, each
     * client's in the order they were made: ZeroMQ's I/O thread then takes a client's in one write and the
     * client reads them in one wake-up, where sent one at a time among the pass's other work each could cost
     * both. At most what one pass reads, expires and refuses.
     */
    private final List<ClientReply> toClients = new ArrayList<>();
    /**
     * Receipts held back, by REQUEST msgid, oldest first: a result or refusal that comes within the receipt delay
     * is the receipt too, and a quick job costs its client one message and one wake-up, not two. Sent at once, a
     * receipt met its REQUEST on the way to the worker, in ZeroMQ's I/O thread and for the cores (issue 13,
     * {@code eventmq-benchmarks/README.md}). At most one a REQUEST the router holds, for a few milliseconds.
     */
    private final Map<String, HeldReceipt> heldReceipts = new LinkedHashMap<>();
    private final long tickMillis;
    private final long timeoutMillis;
    private final long expiryMillis;
    private final long waitingExpiryMillis;
    /** The receipt delay in the loop's whole milliseconds, one more so that a receipt waits at least it; 0: at once. */
    private final long receiptHoldMillis;
    private final int perClientLimit;
    private EmqpSocket frontend;
    private EmqpSocket backend;
    private EmqpSocket admin;
    private CurveAuthenticator authenticator;
    private final List<HandshakeMonitor> handshakes = new ArrayList<>(3);
    private boolean running = true;
    private long dispatched;
    /** The {@link Waiting#bytes()} of the REQUESTs waiting in all queues. */
    private long waitingBytes;

    RouterLoop(ZContext context, RouterSettings settings, RouterListener listener, AtomicLongArray drops,
               Mailbox<Runnable> mailbox, CompletableFuture<RouterEndpoints> bound, Consumer<Throwable> onEnd) {
        this.context = context;
        this.settings = settings;
        this.listener = listener;
        this.drops = drops;
        this.mailbox = mailbox;
        this.bound = bound;
        this.onEnd = onEnd;
        this.workers = new Workers(settings.queueHighWaterMark());
        this.pending = new PendingRequests(settings.pendingResultLimit());
        this.tickMillis = settings.heartbeat().interval().toMillis();
        this.timeoutMillis = settings.heartbeat().timeout().toMillis();
        this.expiryMillis = settings.pendingResultExpiry().toMillis();
        this.waitingExpiryMillis = settings.waitingExpiry().toMillis();
        long receiptDelay = settings.receiptDelay().toMillis();
        this.receiptHoldMillis = receiptDelay == 0 ? 0 : receiptDelay + 1;
        this.perClientLimit = settings.perClientLimit();
    }

    @Override
    public void run() {
        Poller poller = null;
        Throwable failure = null;
        try {
            if (settings.socketOptions().curve() instanceof Curve.Server server) {
                authenticator = CurveAuthenticator.start(context, server,
                        refusal -> mailbox.post(() -> drop(DropReason.PEER_REFUSED, refusal)));
            }
            frontend = EmqpSocket.router(context, settings.socketOptions());
            backend = EmqpSocket.router(context, settings.socketOptions());
            admin = EmqpSocket.router(context, settings.socketOptions());
            if (authenticator != null) {
                for (EmqpSocket socket : List.of(frontend, backend, admin)) {
                    handshakes.add(new HandshakeMonitor(context, socket));
                }
            }
            RouterEndpoints endpoints = new RouterEndpoints(frontend.bind(settings.frontendAddress()),
                    backend.bind(settings.backendAddress()), admin.bind(settings.adminAddress()));
            poller = new Poller();
            poller.register(mailbox);
            poller.register(frontend);
            poller.register(backend);
            poller.register(admin);
            handshakes.forEach(poller::register);
            log.info("Router listening: clients and schedulers on {}, workers on {}, admin on {}{}",
                    endpoints.frontend(), endpoints.backend(), endpoints.admin(),
                    authenticator == null ? "" : ", CURVE with public key "
                            + settings.socketOptions().curve().keys().publicKey());
            warnIfExposed(endpoints);
            bound.complete(endpoints);
            loop(poller);
        } catch (Throwable e) {
            if (!bound.completeExceptionally(e)) {
                failure = e;
                log.error("Router stopped by an unexpected error", e);
            }
        } finally {
            if (poller != null) {
                poller.close();
            }
            handshakes.forEach(HandshakeMonitor::close);
            close(frontend);
            close(backend);
            close(admin);
            if (authenticator != null) {
                authenticator.close();
            }
            onEnd.accept(failure);
        }
    }

    private static void close(EmqpSocket socket) {
        if (socket != null) {
            socket.close();
        }
    }

    /** One WARN when a plaintext router listens where other hosts can reach it. */
    private void warnIfExposed(RouterEndpoints endpoints) {
        if (authenticator != null) {
            return;
        }
        List<String> exposed = List.of(endpoints.frontend(), endpoints.backend(), endpoints.admin()).stream()
                .filter(endpoint -> !loopback(endpoint)).toList();
        if (!exposed.isEmpty()) {
            log.warn("Router listens without CURVE on {}, beyond loopback: any host that reaches these ports can "
                    + "join as a worker or submit jobs, and traffic is not encrypted (see eventmq.security.curve)",
                    exposed);
        }
    }

    /** Whether {@code endpoint} (as bound) is reachable from this host only: loopback TCP, inproc or ipc. */
    static boolean loopback(String endpoint) {
        if (!endpoint.startsWith("tcp://")) {
            return true;
        }
        String host = endpoint.substring("tcp://".length(), endpoint.lastIndexOf(':'));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return !host.equals("*") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A REPLY for a client; {@code what} names it, with its last frame, when it cannot be sent. */
    private record ClientReply(String client, Message reply, DropReason undelivered, String what) {
    }

    /** A receipt not sent yet, and the first {@link #now()} at which it goes without the result. */
    private record HeldReceipt(String client, long due) {
    }

    /**
     * Reads every socket and the mailbox until a whole pass finds nothing, and only then polls: a poll is a
     * select system call, so under load the router reads on without one. A socket read when the poller did
     * not flag it costs a non-blocking receive that finds nothing. The pass's REPLYs for clients go at its end.
     */
    private void loop(Poller poller) {
        long nextTick = now() + tickMillis;
        while (running) {
            int handled = mailbox.drain(Runnable::run);
            handled += read(frontend, Side.FRONTEND);
            handled += read(backend, Side.BACKEND);
            handled += read(admin, Side.ADMIN);
            for (HandshakeMonitor monitor : handshakes) {
                handled += monitor.drain(refusal -> drop(DropReason.PEER_REFUSED, refusal));
            }
            long now = now();
            if (running && now >= nextTick) {
                tick(now);
                nextTick = now + tickMillis;
            }
            releaseReceipts(now);
            sendToClients();
            if (handled == 0 && running) {
                long wake = heldReceipts.isEmpty() ? nextTick
                        : Math.min(nextTick, heldReceipts.values().iterator().next().due());
                poller.poll(Math.max(0, wake - now()));
            }
        }
    }

    /** Stops the loop after KBYE to every peer. The I/O thread only; other threads post it. */
    void stop(String why) {
        if (!running) {
            return;
        }
        log.info("Router stopping: {}", why);
        for (Scheduler scheduler : schedulers.all()) {
            frontend.send(scheduler.id, Message.of(Command.KBYE));
            removeScheduler(scheduler, "router stopped");
        }
        for (Worker worker : workers.all()) {
            backend.send(worker.id, Message.of(Command.KBYE));
            abandonAll(worker.id);
            removeWorker(worker, "router stopped");
        }
        leaving.forEach(this::abandonAll);
        leaving.clear();
        for (NamedQueue queue : workers.queues()) {
            while (!queue.waiting.isEmpty()) {
                refuse(takeWaiting(queue).request(), DropReason.ROUTER_STOPPED,
                        "the router stopped before a worker took the REQUEST");
            }
        }
        releaseReceipts(Long.MAX_VALUE);
        running = false;
    }

    /** Refuses, or counts, every REQUEST still dispatched to {@code workerId}: the router is stopping. */
    private void abandonAll(String workerId) {
        for (PendingRequests.Lost lost : pending.removeWorker(workerId)) {
            abandon(lost, DropReason.ROUTER_STOPPED, "the router stopped before the result of worker "
                    + LogText.identity(workerId) + " came; the job may have run");
        }
    }

    /** What the router is doing. The I/O thread only; other threads post it. */
    RouterStatus status(RouterEndpoints endpoints) {
        long now = now();
        List<RouterStatus.ConnectedWorker> connected = new ArrayList<>(workers.size());
        for (Worker worker : workers.view()) {
            connected.add(new RouterStatus.ConnectedWorker(worker.id, List.copyOf(worker.announced),
                    worker.freeSlots, Duration.ofMillis(now - worker.lastSeen)));
        }
        Map<String, Integer> waiting = new LinkedHashMap<>();
        for (NamedQueue queue : workers.queues()) {
            if (!queue.waiting.isEmpty()) {
                waiting.put(queue.name, queue.waiting.size());
            }
        }
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            if (drops.get(reason.ordinal()) > 0) {
                dropped.put(reason, drops.get(reason.ordinal()));
            }
        }
        return new RouterStatus(running, endpoints, List.copyOf(connected), schedulers.size(), Map.copyOf(waiting),
                pending.view().size(), dispatched, Map.copyOf(dropped), null);
    }

    /** The JSON an admin command is answered with: STATUS, ROUTER_SHOW_WORKERS or ROUTER_SHOW_SCHEDULERS. */
    String adminReport(Command command) {
        return switch (command) {
            case STATUS -> AdminReports.status(workers, pending, now());
            case ROUTER_SHOW_WORKERS -> AdminReports.workers(workers, now());
            case ROUTER_SHOW_SCHEDULERS -> AdminReports.schedulers(schedulers, now());
            default -> throw new IllegalArgumentException(command + " is not an admin report");
        };
    }

    /** Handles up to {@link #BATCH} messages waiting on {@code socket}. @return how many it read */
    private int read(EmqpSocket socket, Side side) {
        int i = 0;
        for (; i < BATCH && running; i++) {
            Message message;
            try {
                message = socket.receive();
            } catch (ProtocolException e) {
                drop(side.invalid, "Invalid message on the " + side + " socket: " + LogText.of(e.getMessage()));
                continue;
            }
            if (message == null) {
                return i;
            }
            try {
                switch (side) {
                    case FRONTEND -> onFrontend(message);
                    case BACKEND -> onBackend(message);
                    case ADMIN -> onAdmin(message);
                }
            } catch (ProtocolException e) {
                drop(side.invalid, "Invalid " + LogText.of(message.commandName()) + " " + LogText.of(message.msgid())
                        + " from " + LogText.identity(message.sender()) + " on the " + side + " socket: "
                        + LogText.of(e.getMessage()));
            }
        }
        return i;
    }

    private void onFrontend(Message message) {
        Scheduler scheduler = schedulers.get(message.sender());
        if (scheduler != null) {
            scheduler.lastSeen = now();
        }
        switch (message.command()) {
            case REQUEST -> request(message);
            case SCHEDULE -> schedule(message);
            case UNSCHEDULE -> unschedule(message);
            case INFORM -> inform(Side.FRONTEND, message);
            case HEARTBEAT -> { }
            case KBYE -> {
                if (scheduler != null) {
                    removeScheduler(scheduler, "said KBYE");
                }
            }
            default -> throw new ProtocolException("not a command clients or schedulers send");
        }
    }

    private void onBackend(Message message) {
        Worker worker = workers.get(message.sender());
        if (worker != null) {
            worker.lastSeen = now();
        }
        switch (message.command()) {
            case READY -> {
                if (worker == null) {
                    unknownWorker(message);
                } else {
                    ready(worker);
                }
            }
            case REPLY -> reply(message);
            case HEARTBEAT -> {
                if (worker == null) {
                    unknownWorker(message);
                }
            }
            case INFORM -> inform(Side.BACKEND, message);
            case KBYE -> {
                if (worker != null) {
                    leave(worker);
                }
            }
            default -> throw new ProtocolException("not a command workers send");
        }
    }

    private void onAdmin(Message message) {
        switch (message.command()) {
            case STATUS, ROUTER_SHOW_WORKERS, ROUTER_SHOW_SCHEDULERS -> answer(message,
                    adminReport(message.command()));
            case HELLO -> { }
            case DISCONNECT -> {
                admin.send(message.sender(), Message.of(Command.ACK, message.msgid()));
                stop("DISCONNECT from admin " + LogText.identity(message.sender()));
            }
            default -> throw new ProtocolException("not an admin command");
        }
    }

    private void answer(Message question, String json) {
        if (!admin.send(question.sender(), Message.of(Command.REPLY, FrameText.encode(json)))) {
            drop(DropReason.REPLY_UNDELIVERABLE, "Answer to " + question.commandName() + " not sent: admin "
                    + LogText.identity(question.sender()) + " is gone");
        }
    }

    private void inform(Side side, Message message) {
        String type = message.frame(1);
        List<WeightedQueue> queues = QueueList.parse(FrameText.decode(message.frame(0), "INFORM queues"));
        String id = message.sender();
        if (side == Side.BACKEND && "worker".equals(type)) {
            toldKbye.remove(id);
            boolean again = workers.get(id) != null || leaving.remove(id);
            Worker worker = workers.add(id, queues.isEmpty() ? settings.defaultQueues() : queues, now());
            if (again) {
                takeBack(id, "it INFORMed again");
            }
            if (backend.send(id, Message.of(Command.ACK, message.msgid()))) {
                peerLog.info("worker joins", "Worker " + LogText.identity(id) + " joined, queues "
                        + LogText.of(QueueList.encode(worker.announced)));
                listener.peerJoined(PeerType.WORKER, id);
            } else {
                workers.remove(worker);
            }
        } else if (side == Side.FRONTEND && "scheduler".equals(type)) {
            Scheduler scheduler = schedulers.add(id, now());
            if (frontend.send(id, Message.of(Command.ACK, message.msgid()))) {
                peerLog.info("scheduler joins", "Scheduler " + LogText.identity(id) + " joined");
                listener.peerJoined(PeerType.SCHEDULER, id);
            } else {
                schedulers.remove(scheduler);
            }
        } else {
            throw new ProtocolException("INFORM of type \"" + LogText.of(type) + "\" does not belong on this socket");
        }
    }

    private void request(Message request) {
        if (request.body().size() < 3) {
            throw new ProtocolException("REQUEST needs queue, headers and payload frames, has "
                    + request.body().size() + " body frames");
        }
        String queueName = FrameText.decode(request.body().get(0), "REQUEST queue");
        NamedQueue queue = workers.route(queueName);
        long now = now();
        if (!dispatch(queue, request, now)) {
            queue = workers.route(queueName); // gone when dispatch removed its last worker
            Waiting waiting = Waiting.of(request, now);
            if (!queue.waiting.isFull() && queue.waitingFrom(request.sender()) >= perClientLimit) {
                refuse(request, DropReason.CLIENT_SHARE_FULL, "its sender already has " + perClientLimit
                        + " REQUESTs waiting in queue \"" + LogText.of(queue.name) + "\", its fair share");
                return;
            }
            if (queue.waitingBytes + waiting.bytes() > settings.queueByteLimit()) {
                refuse(request, DropReason.BYTES_FULL, "queue \"" + LogText.of(queue.name) + "\" holds "
                        + queue.waitingBytes + " bytes of waiting REQUESTs, this one " + waiting.bytes()
                        + " more, its limit " + settings.queueByteLimit());
                return;
            }
            if (waitingBytes + waiting.bytes() > settings.routerByteLimit()) {
                refuse(request, DropReason.BYTES_FULL, "the router holds " + waitingBytes
                        + " bytes of waiting REQUESTs, this one " + waiting.bytes() + " more, its limit "
                        + settings.routerByteLimit());
                return;
            }
            if (!queue.addWaiting(waiting, false)) {
                refuse(request, DropReason.QUEUE_FULL, "queue \"" + LogText.of(queue.name) + "\" already holds "
                        + queue.waiting.size() + " waiting REQUESTs, its high-water mark");
                return;
            }
            waitingBytes += waiting.bytes();
            listener.buffered(queue.name, request.msgid());
            listener.waiting(queue.name, queue.waiting.size());
        }
        if (receiptHoldMillis == 0) {
            toClients.add(receipt(request.sender(), request.msgid()));
        } else {
            heldReceipts.put(request.msgid(), new HeldReceipt(request.sender(), now + receiptHoldMillis));
        }
    }

    private static ClientReply receipt(String client, String requestMsgid) {
        return new ClientReply(client, Message.of(Command.REPLY, requestMsgid), DropReason.RECEIPT_UNDELIVERABLE,
                "Receipt for REQUEST");
    }

    /** Sends the receipts held past their time, or all of them ({@link Long#MAX_VALUE}), with this pass's REPLYs. */
    private void releaseReceipts(long now) {
        if (heldReceipts.isEmpty()) {
            return;
        }
        Iterator<Map.Entry<String, HeldReceipt>> held = heldReceipts.entrySet().iterator();
        while (held.hasNext()) {
            Map.Entry<String, HeldReceipt> each = held.next();
            if (each.getValue().due() > now) {
                return;
            }
            held.remove();
            toClients.add(receipt(each.getValue().client(), each.getKey()));
        }
    }

    /** Queues the result or refusal of REQUEST {@code requestMsgid} for {@code client}: it is the receipt too. */
    private void queueResult(String client, String json, String requestMsgid, DropReason undelivered, String what) {
        heldReceipts.remove(requestMsgid);
        toClients.add(new ClientReply(client, Message.of(Command.REPLY, json, requestMsgid), undelivered, what));
    }

    /** Sends the pass's REPLYs for clients, oldest first; one that cannot be sent is counted and logged. */
    private void sendToClients() {
        for (int i = 0; i < toClients.size(); i++) {
            ClientReply each = toClients.get(i);
            if (!frontend.send(each.client(), each.reply())) {
                List<String> body = each.reply().body();
                drop(each.undelivered(), each.what() + " " + LogText.of(body.get(body.size() - 1))
                        + " not sent: client " + LogText.identity(each.client()) + " is gone or not reading");
            }
        }
        toClients.clear();
    }

    /** Sends {@code request} to a worker of {@code queue} with a free slot. @return false when none took it */
    private boolean dispatch(NamedQueue queue, Message request, long acceptedAt) {
        for (int tries = workers.size() + 1; tries > 0; tries--) {
            Worker worker = queue.take();
            if (worker == null) {
                return false;
            }
            if (sendRequest(worker, queue, request, acceptedAt)) {
                return true;
            }
        }
        return false;
    }

    private boolean sendRequest(Worker worker, NamedQueue queue, Message request, long acceptedAt) {
        if (!backend.send(worker.id, request)) {
            removeWorker(worker, "gone: a REQUEST could not be sent to it");
            return false;
        }
        worker.freeSlots--;
        worker.processed++;
        dispatched++;
        queue.processed++;
        boolean forward = schedulers.get(request.sender()) == null;
        Headers headers = headersOf(request);
        String evicted = pending.add(request.msgid(), new PendingRequests.Pending(request.sender(), queue.name,
                acceptedAt, now(), forward, worker.id, headers.replyRequested(),
                headers.guarantee() ? request : null));
        if (evicted != null) {
            drop(DropReason.PENDING_EVICTED, "Forgot the client of REQUEST " + LogText.of(evicted)
                    + ": more than " + settings.pendingResultLimit() + " REQUESTs await a result");
        }
        listener.dispatched(queue.name, worker.id, request.msgid());
        return true;
    }

    /** Takes the oldest waiting REQUEST of {@code queue} and its bytes off the counts. */
    private Waiting takeWaiting(NamedQueue queue) {
        Waiting waiting = queue.takeWaiting();
        waitingBytes -= waiting.bytes();
        return waiting;
    }

    /** A free slot: the oldest waiting REQUEST of the worker's queues, in the worker's order, or credit. */
    private void ready(Worker worker) {
        worker.freeSlots++;
        for (NamedQueue queue : worker.queues) {
            Waiting next = queue.waiting.peekLeft();
            if (next != null) {
                if (sendRequest(worker, queue, next.request(), next.acceptedAt())) {
                    takeWaiting(queue);
                    listener.waiting(queue.name, queue.waiting.size());
                }
                return;
            }
        }
    }

    private void reply(Message reply) {
        String result = reply.frame(0);
        String requestMsgid = reply.frame(1);
        PendingRequests.Pending request = pending.get(requestMsgid);
        if (request == null || !request.worker().equals(reply.sender())) {
            unexpectedReply(reply.sender(), requestMsgid, request);
            return;
        }
        pending.remove(requestMsgid);
        if (request.guaranteed() != null && leaving.contains(reply.sender())
                && WORKER_STOPPING.equals(errorType(result))) {
            dispatchAgain(new PendingRequests.Lost(requestMsgid, request), reply.sender());
            return;
        }
        if (request.forward()) {
            queueResult(request.client(), result, requestMsgid, DropReason.REPLY_UNDELIVERABLE, "Result of REQUEST");
        }
    }

    /** The {@code error.type} of a result frame, {@code null} when it has none or is not JSON. */
    private static String errorType(String result) {
        try {
            JsonNode error = WireJson.read("result", FrameText.decode(result, "result")).path("error");
            return error.isObject() ? error.path("type").asString(null) : null;
        } catch (ProtocolException e) {
            return null;
        }
    }

    /** Drops a REPLY that is not the awaited one: late from a lost worker, from another worker, or unknown. */
    private void unexpectedReply(String sender, String requestMsgid, PendingRequests.Pending request) {
        String what = "REPLY from worker " + LogText.identity(sender) + " for REQUEST " + LogText.of(requestMsgid);
        if (sender.equals(lostFrom.get(requestMsgid))) {
            drop(DropReason.LATE_REPLY, what + ", which the router took back when it lost that worker");
        } else if (request != null) {
            drop(DropReason.WRONG_WORKER, what + ", which went to worker " + LogText.identity(request.worker()));
        } else {
            drop(DropReason.RESULT_UNMATCHED, what + ", which the router does not remember (unknown or expired)");
        }
    }

    private void schedule(Message schedule) {
        requireScheduleFrames(schedule);
        for (int tries = schedulers.size(); tries > 0; tries--) {
            Scheduler scheduler = schedulers.next();
            if (frontend.send(scheduler.id, schedule)) {
                return;
            }
            removeScheduler(scheduler, "gone: a SCHEDULE could not be sent to it");
        }
        refuse(schedule, DropReason.NO_SCHEDULER, "no scheduler is registered");
    }

    private void unschedule(Message unschedule) {
        requireScheduleFrames(unschedule);
        boolean sent = false;
        for (Scheduler scheduler : schedulers.all()) {
            if (frontend.send(scheduler.id, unschedule)) {
                sent = true;
            } else {
                removeScheduler(scheduler, "gone: an UNSCHEDULE could not be sent to it");
            }
        }
        if (!sent) {
            refuse(unschedule, DropReason.NO_SCHEDULER, "no scheduler is registered");
        }
    }

    private static void requireScheduleFrames(Message message) {
        if (message.body().size() < 5) {
            throw new ProtocolException(message.commandName() + " needs queue, headers, interval_secs, payload"
                    + " and cron frames, has " + message.body().size() + " body frames");
        }
    }

    /** Tells an unknown worker KBYE, so that it INFORMs again, the first time only; counts every time. */
    private void unknownWorker(Message message) {
        boolean first = toldKbye.add(message.sender());
        drop(DropReason.UNKNOWN_WORKER, message.commandName() + " from unknown worker "
                + LogText.identity(message.sender()) + (first ? ": told KBYE so that it INFORMs again"
                        : ": told KBYE before, ignored"));
        if (first) {
            backend.send(message.sender(), Message.of(Command.KBYE));
        }
    }

    /** Heartbeats to every worker and scheduler; forgets the silent ones and the expired pending REQUESTs. */
    private void tick(long now) {
        String timestamp = HeartbeatTimestamp.format(Instant.now());
        checkLeaving(timestamp);
        if (settings.heartbeat().enabled()) {
            for (Worker worker : workers.all()) {
                if (now - worker.lastSeen >= timeoutMillis) {
                    removeWorker(worker, "silent for " + (now - worker.lastSeen) + " ms");
                } else if (!backend.send(worker.id, Message.of(Command.HEARTBEAT, timestamp))) {
                    removeWorker(worker, "gone: a HEARTBEAT could not be sent to it");
                }
            }
            for (Scheduler scheduler : schedulers.all()) {
                if (now - scheduler.lastSeen >= timeoutMillis) {
                    removeScheduler(scheduler, "silent for " + (now - scheduler.lastSeen) + " ms");
                } else if (!frontend.send(scheduler.id, Message.of(Command.HEARTBEAT, timestamp))) {
                    removeScheduler(scheduler, "gone: a HEARTBEAT could not be sent to it");
                }
            }
        }
        expireWaiting(now);
        warnings.flush();
        peerLog.flush();
        int expired = pending.expire(now - expiryMillis);
        if (expired > 0) {
            drops.addAndGet(DropReason.PENDING_EXPIRED.ordinal(), expired);
            log.debug("Forgot the clients of {} REQUESTs without a result after {} ms", expired, expiryMillis);
            listener.dropped(DropReason.PENDING_EXPIRED, expired + " pending REQUESTs expired");
        }
    }

    /** A worker said KBYE: no new REQUEST for it, but the REPLYs of its running jobs are still awaited. */
    private void leave(Worker worker) {
        workers.remove(worker);
        String reason = "said KBYE";
        if (pending.holds(worker.id)) {
            leaving.add(worker.id);
            reason += "; its running jobs' REPLYs are still awaited";
        }
        peerLog.info("worker removals", "Worker " + LogText.identity(worker.id) + " removed: " + reason);
        listener.peerLeft(PeerType.WORKER, worker.id, reason);
    }

    /** Forgets the leaving workers that have answered everything; takes back from those that are gone. */
    private void checkLeaving(String timestamp) {
        for (String id : List.copyOf(leaving)) {
            if (!pending.holds(id)) {
                leaving.remove(id);
            } else if (!backend.send(id, Message.of(Command.HEARTBEAT, timestamp))) {
                leaving.remove(id);
                takeBack(id, "gone after KBYE before its running jobs' REPLYs came");
            }
        }
    }

    /** Refuses the REQUESTs that waited longer than {@link RouterSettings#waitingExpiry()}, from each queue's head. */
    private void expireWaiting(long now) {
        for (NamedQueue queue : workers.queues()) {
            int before = queue.waiting.size();
            while (!queue.waiting.isEmpty() && now - queue.waiting.peekLeft().acceptedAt() >= waitingExpiryMillis) {
                Waiting expired = takeWaiting(queue);
                refuse(expired.request(), DropReason.EXPIRED, "it waited " + (now - expired.acceptedAt())
                        + " ms for a worker of queue \"" + LogText.of(queue.name) + "\", its limit "
                        + waitingExpiryMillis + " ms");
            }
            if (queue.waiting.size() != before) {
                listener.waiting(queue.name, queue.waiting.size());
            }
        }
    }

    private void removeWorker(Worker worker, String reason) {
        workers.remove(worker);
        peerLog.info("worker removals", "Worker " + LogText.identity(worker.id) + " removed: " + reason);
        listener.peerLeft(PeerType.WORKER, worker.id, reason);
        takeBack(worker.id, reason);
    }

    /**
     * Takes back the REQUESTs dispatched to a lost worker: a guaranteed one goes to another worker with a free
     * slot or back to the head of its queue; any other is abandoned ({@link DropReason#WORKER_LOST}).
     */
    private void takeBack(String workerId, String reason) {
        List<PendingRequests.Lost> lost = pending.removeWorker(workerId);
        List<PendingRequests.Lost> toWait = new ArrayList<>();
        int guaranteed = 0;
        for (PendingRequests.Lost each : lost) {
            lostFrom.put(each.msgid(), workerId);
            PendingRequests.Pending request = each.request();
            if (request.guaranteed() == null) {
                abandon(each, DropReason.WORKER_LOST, "worker " + LogText.identity(workerId) + " was lost ("
                        + reason + ") before its result came; the job may have run");
                continue;
            }
            guaranteed++;
            if (!dispatch(workers.named(request.queue()), request.guaranteed(), request.acceptedAt())) {
                toWait.add(each);
            }
        }
        for (int i = toWait.size() - 1; i >= 0; i--) {
            waitAtHead(toWait.get(i), workerId);
        }
        if (!lost.isEmpty()) {
            peerLog.info("take-backs", "Took back " + lost.size() + " REQUESTs from worker "
                    + LogText.identity(workerId) + ": " + guaranteed + " guaranteed dispatched again or waiting, "
                    + (lost.size() - guaranteed) + " abandoned");
        }
    }

    /** A guaranteed REQUEST a stopping worker refused unrun: to another worker, or at the head of its queue. */
    private void dispatchAgain(PendingRequests.Lost refused, String workerId) {
        PendingRequests.Pending request = refused.request();
        if (!dispatch(workers.named(request.queue()), request.guaranteed(), request.acceptedAt())) {
            waitAtHead(refused, workerId);
        }
    }

    /** Puts a guaranteed REQUEST taken back from a lost worker at the head of its queue, first to go. */
    private void waitAtHead(PendingRequests.Lost lost, String workerId) {
        PendingRequests.Pending request = lost.request();
        NamedQueue queue = workers.named(request.queue());
        Waiting waiting = Waiting.of(request.guaranteed(), request.acceptedAt());
        if (!queue.addWaiting(waiting, true)) {
            abandon(lost, DropReason.QUEUE_FULL, "taken back from worker " + LogText.identity(workerId)
                    + ", but queue \"" + LogText.of(queue.name) + "\" is at its high-water mark");
            return;
        }
        waitingBytes += waiting.bytes();
        listener.buffered(queue.name, lost.msgid());
        listener.waiting(queue.name, queue.waiting.size());
    }

    /**
     * A dispatched REQUEST whose result will not come: counted and logged; its client gets an error REPLY when it
     * awaits one ({@code reply-requested} or {@code guarantee}; schedulers never get results).
     */
    private void abandon(PendingRequests.Lost lost, DropReason reason, String why) {
        PendingRequests.Pending request = lost.request();
        if (request.forward() && (request.replyRequested() || request.guaranteed() != null)) {
            refuse(Command.REQUEST.name(), lost.msgid(), request.client(), reason, why);
        } else {
            drop(reason, "REQUEST " + LogText.of(lost.msgid()) + " from " + LogText.identity(request.client())
                    + ": " + why);
        }
    }

    /** The REQUEST's headers; unreadable ones count as none here and are the worker's to refuse. */
    private static Headers headersOf(Message request) {
        try {
            return Headers.parse(request.body().get(1));
        } catch (ProtocolException e) {
            return Headers.NONE;
        }
    }

    private void removeScheduler(Scheduler scheduler, String reason) {
        schedulers.remove(scheduler);
        peerLog.info("scheduler removals", "Scheduler " + LogText.identity(scheduler.id) + " removed: " + reason);
        listener.peerLeft(PeerType.SCHEDULER, scheduler.id, reason);
    }

    /** Refuses a client's message: counted, logged (rate-limited), and an error REPLY to the sender. */
    private void refuse(Message message, DropReason reason, String why) {
        refuse(message.commandName(), message.msgid(), message.sender(), reason, why);
    }

    private void refuse(String command, String msgid, String sender, DropReason reason, String why) {
        drops.incrementAndGet(reason.ordinal());
        warnings.warn(reason, LogText.of(command) + " " + LogText.of(msgid) + " from " + LogText.identity(sender)
                + " refused: " + why);
        listener.refused(msgid, reason);
        queueResult(sender, FrameText.encode(ResultFrame.refusal(reason.errorType(), why)), msgid,
                DropReason.REPLY_UNDELIVERABLE, "Refusal of");
    }

    private void drop(DropReason reason, String detail) {
        drops.incrementAndGet(reason.ordinal());
        if (reason == DropReason.RECEIPT_UNDELIVERABLE || reason == DropReason.PENDING_EVICTED) {
            log.debug(detail);
        } else {
            warnings.warn(reason, detail);
        }
        listener.dropped(reason, detail);
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
