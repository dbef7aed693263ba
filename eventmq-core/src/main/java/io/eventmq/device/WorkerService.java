package io.eventmq.device;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

import io.eventmq.heartbeat.HeartbeatMonitor;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.HeartbeatTimestamp;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.ProtocolException;
import io.eventmq.protocol.QueueList;
import io.eventmq.protocol.ResultFrame;
import io.eventmq.transport.EmqpSocket;
import io.eventmq.transport.Mailbox;
import io.eventmq.transport.Poller;

/**
 * A service connected to an EventMQ router: a worker (job manager) or, with {@link ServiceType#SCHEDULER},
 * the connection of a scheduler. It sends INFORM and waits for the ACK (sending INFORM again when none
 * comes within the reconnect timeout), offers one READY per free job slot, runs each REQUEST on a job
 * thread and answers with a REPLY when asked, keeps heartbeats flowing, and when the router falls silent
 * reconnects with a new identity, alternating with the failover address.
 *
 * <p>One I/O thread owns the socket and the poller; it sleeps in the poller until a message arrives, a
 * job finishes (through a {@link Mailbox}) or a deadline (heartbeat, INFORM resend, job timeout, stop grace
 * period) is due. Jobs run on {@code concurrency} job threads. The ZeroMQ context is shared, not owned.
 */
public final class WorkerService {

    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);
    private static final Duration STOP_MARGIN = Duration.ofSeconds(5);
    private static final AtomicInteger SERVICES = new AtomicInteger();

    private final ZContext context;
    private final ServiceSettings settings;
    private final Handlers handlers;
    private final ServiceListener listener;
    private final InstantSource clock;
    private final JobRunner runner;
    private final HeartbeatMonitor heartbeat;
    /** Names this service's threads: {@code eventmq-worker-3-io}, {@code eventmq-worker-3-job-1}, ... */
    private final String name;
    private final AtomicLong invalidMessages = new AtomicLong();
    private final Object lifecycle = new Object();
    private volatile ServiceState state = ServiceState.NEW;
    private volatile String identity;
    private Thread ioThread;
    private Mailbox<Runnable> mailbox;
    private ExecutorService jobThreads;
    private ExecutorService eventThread;

    // Owned by the I/O thread once started.
    private final Map<Long, RunningJob> running = new LinkedHashMap<>();
    private EmqpSocket socket;
    private Poller poller;
    private int connectAttempt;
    private volatile String address;
    private boolean acked;
    private long informSentAt;
    private boolean stopping;
    private long stopDeadline;
    private boolean byeSent;
    private long nextJobId;

    public WorkerService(ZContext context, ServiceSettings settings, Handlers handlers, ServiceListener listener,
                         InstantSource clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handlers = Objects.requireNonNull(handlers, "handlers").copy();
        this.listener = new GuardedServiceListener(Objects.requireNonNull(listener, "listener"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = new JobRunner(this.handlers);
        this.heartbeat = new HeartbeatMonitor(clock, settings.heartbeat());
        this.name = "eventmq-" + settings.type().wireName() + "-" + SERVICES.incrementAndGet();
    }

    /** A service on the system clock that reports to no listener. */
    public WorkerService(ZContext context, ServiceSettings settings, Handlers handlers) {
        this(context, settings, handlers, ServiceListener.NONE, InstantSource.system());
    }

    /**
     * Connects to the router and sends INFORM; the rest happens on the service's threads. Once only.
     *
     * @throws IllegalStateException    when already started
     * @throws IllegalArgumentException when the address cannot be connected to
     */
    public void start() {
        synchronized (lifecycle) {
            if (state != ServiceState.NEW) {
                throw new IllegalStateException("the service was already started; it is " + state);
            }
            socket = EmqpSocket.dealer(context, settings.socket());
            mailbox = new Mailbox<>();
            poller = new Poller(context);
            poller.register(mailbox);
            poller.register(socket);
            jobThreads = Executors.newFixedThreadPool(settings.concurrency(), threads(name + "-job-"));
            eventThread = handlers.hasListeners()
                    ? Executors.newSingleThreadExecutor(threads(name + "-events-")) : null;
            try {
                connect();
            } catch (RuntimeException e) {
                release();
                setState(ServiceState.STOPPED);
                throw e;
            }
            ioThread = new Thread(this::run, name + "-io");
            ioThread.setDaemon(false);
            ioThread.start();
        }
    }

    /**
     * Stops gracefully: no more READY, running jobs finish (interrupted and answered with an error when the
     * grace period ends first), their REPLYs are sent, then KBYE, then the socket closes. Blocks until
     * done, at most the grace period and a few seconds more.
     */
    public void stop() {
        Thread thread;
        synchronized (lifecycle) {
            if (ioThread == null) {
                setState(ServiceState.STOPPED);
                return;
            }
            thread = ioThread;
        }
        mailbox.post(this::beginStop);
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(settings.gracePeriod().plus(settings.socket().linger()).plus(STOP_MARGIN).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ServiceState state() {
        return state;
    }

    /** The identity of the current socket; a new one after every reconnect. {@code null} before start. */
    public String identity() {
        return identity;
    }

    /** The router endpoint of the current connection. {@code null} before start. */
    public String address() {
        return address;
    }

    /** Messages from the router dropped as malformed or unexpected. */
    public long invalidMessages() {
        return invalidMessages.get();
    }

    public ServiceSettings settings() {
        return settings;
    }

    /**
     * Polls only when a whole pass over the mailbox and the socket found nothing: a poll is a select system
     * call, so a busy worker reads on without one.
     */
    private void run() {
        try {
            boolean idle = false;
            while (state != ServiceState.STOPPED) {
                if (idle) {
                    poller.poll(pollTimeout());
                }
                int handled = mailbox.drain(Runnable::run);
                handled += receiveAll();
                tick();
                idle = handled == 0;
            }
        } catch (RuntimeException | Error e) {
            log.error("{} I/O thread failed; the service stops", settings.type().wireName(), e);
            release();
            setState(ServiceState.STOPPED);
        }
    }

    /** Handles every message waiting on the socket. @return how many */
    private int receiveAll() {
        int received = 0;
        while (state != ServiceState.STOPPED) {
            Message message;
            try {
                message = socket.receive();
            } catch (ProtocolException e) {
                heartbeat.received();
                invalid(e.getMessage());
                received++;
                continue;
            }
            if (message == null) {
                return received;
            }
            received++;
            heartbeat.received();
            if (log.isDebugEnabled()) {
                log.debug("received {} {} {}", message.commandName(), message.msgid(), message.body());
            }
            dispatch(message);
        }
        return received;
    }

    private void dispatch(Message message) {
        Command command = message.command();
        if (!expects(command)) {
            invalid((command == Command.UNKNOWN ? "unknown command " : "unexpected ") + message.commandName()
                    + " " + message.msgid());
            return;
        }
        listener.messageReceived(message);
        if (!acked && command != Command.ACK) {
            log.debug("ignoring {} {} while waiting for the ACK", message.commandName(), message.msgid());
            return;
        }
        switch (command) {
            case ACK -> onAck(message);
            case REQUEST -> onRequest(message);
            case DISCONNECT -> onDisconnect();
            case KBYE -> onKbye();
            default -> log.trace("{} needs nothing more: it counted as a heartbeat", command);
        }
        publish(message);
    }

    /** The commands the service handles, and any other known one an application listens to. */
    private boolean expects(Command command) {
        return switch (command) {
            case ACK, HEARTBEAT, REQUEST, DISCONNECT, KBYE -> true;
            case UNKNOWN -> false;
            default -> !handlers.listeners(command).isEmpty();
        };
    }

    private void onAck(Message message) {
        if (acked) {
            log.debug("ignoring ACK {}: already acknowledged", message.msgid());
            return;
        }
        acked = true;
        log.info("{} {} connected to {}", settings.type().wireName(), identity, address);
        if (!stopping) {
            setState(ServiceState.CONNECTED);
        }
        if (takesWork()) {
            for (int free = settings.concurrency() - running.size(); free > 0; free--) {
                send(Message.of(Command.READY));
            }
        }
    }

    private void onRequest(Message request) {
        String queue;
        Headers headers;
        String payload;
        try {
            queue = request.frame(0);
            headers = Headers.parse(request.frame(1));
            payload = request.frame(2);
        } catch (ProtocolException e) {
            invalid(e.getMessage());
            if (takesWork()) {
                send(Message.of(Command.READY));
            }
            return;
        }
        if (running.size() >= settings.concurrency()) {
            log.warn("REQUEST {} came with no free job slot ({} running): refused", request.msgid(),
                    running.size());
            if (headers.replyRequested()) {
                sendReply(ResultFrame.failure(JobResult.NO_FREE_SLOT, "no free job slot"), request.msgid());
            }
            return;
        }
        long now = clock.millis();
        long deadline = headers.timeoutSeconds() == 0 ? -1 : now + headers.timeoutSeconds() * 1000L;
        RunningJob job = new RunningJob(nextJobId++, request.msgid(), queue, headers, deadline, System.nanoTime());
        running.put(job.id, job);
        listener.jobStarted(job.msgid, job.queue);
        jobThreads.execute(() -> {
            job.begin();
            JobResult result = runner.run(job.msgid, job.queue, job.headers, payload);
            job.end();
            mailbox.post(() -> onJobDone(job, result));
        });
    }

    private void onJobDone(RunningJob job, JobResult result) {
        if (running.remove(job.id) == null) {
            return;
        }
        JobOutcome outcome = job.answeredAs == null ? result.outcome() : job.answeredAs;
        if (job.answeredAs == null && result.reply() != null) {
            sendReply(result.reply(), job.msgid);
        }
        listener.jobFinished(job.msgid, job.queue, Duration.ofNanos(result.nanos()), outcome);
        if (takesWork()) {
            send(Message.of(Command.READY));
        }
    }

    private void onDisconnect() {
        log.info("the router sent DISCONNECT: saying KBYE and stopping");
        sayGoodbye();
        beginStop();
    }

    private void onKbye() {
        if (byeSent) {
            return;
        }
        reconnect("the router said KBYE");
    }

    private void tick() {
        if (state == ServiceState.STOPPED) {
            return;
        }
        long now = clock.millis();
        if (!byeSent) {
            if (heartbeat.checkMiss()) {
                int misses = heartbeat.misses();
                log.info("nothing from the router for {} ({} of {} misses)", settings.heartbeat().timeout(),
                        misses, settings.heartbeat().liveness());
                listener.heartbeatMissed(misses);
                if (heartbeat.isDead()) {
                    reconnect("the router was silent for " + settings.heartbeat().deadAfter());
                }
            }
            if (heartbeat.shouldSend()) {
                send(Message.of(Command.HEARTBEAT, HeartbeatTimestamp.format(clock.instant())));
            }
            if (!acked && now - informSentAt >= settings.reconnectTimeout().toMillis()) {
                log.info("no ACK from {} within {}: sending INFORM again", address, settings.reconnectTimeout());
                sendInform();
            }
        }
        for (RunningJob job : running.values()) {
            if (job.answeredAs == null && job.deadline >= 0 && now >= job.deadline) {
                timeOut(job);
            }
        }
        if (stopping) {
            if (running.isEmpty()) {
                close();
            } else if (now >= stopDeadline) {
                abandonRunningJobs();
                close();
            }
        }
    }

    private long pollTimeout() {
        long now = clock.millis();
        long timeout = -1;
        if (!byeSent) {
            timeout = heartbeat.millisUntilNextDeadline();
            if (!acked) {
                timeout = earliest(timeout, informSentAt + settings.reconnectTimeout().toMillis() - now);
            }
        }
        for (RunningJob job : running.values()) {
            if (job.answeredAs == null && job.deadline >= 0) {
                timeout = earliest(timeout, job.deadline - now);
            }
        }
        if (stopping) {
            timeout = earliest(timeout, stopDeadline - now);
        }
        return timeout;
    }

    private static long earliest(long timeout, long candidate) {
        long bounded = Math.max(0, candidate);
        return timeout < 0 ? bounded : Math.min(timeout, bounded);
    }

    private void timeOut(RunningJob job) {
        job.answeredAs = JobOutcome.TIMED_OUT;
        job.interrupt();
        String message = "job timed out after " + job.headers.timeoutSeconds() + " s";
        log.warn("REQUEST {} {}: interrupted", job.msgid, message);
        if (job.headers.replyRequested()) {
            sendReply(ResultFrame.failure(JobResult.TIMEOUT, message), job.msgid);
        }
    }

    private void connect() {
        address = settings.addressOf(connectAttempt++);
        identity = socket.identity();
        socket.connect(address);
        acked = false;
        heartbeat.reset();
        log.info("{} {} connecting to {}", settings.type().wireName(), identity, address);
        if (!stopping) {
            setState(ServiceState.CONNECTING);
        }
        sendInform();
    }

    private void reconnect(String reason) {
        String next = settings.addressOf(connectAttempt);
        log.warn("{}: reconnecting to {} with a new identity", reason, next);
        listener.reconnecting(next, reason);
        poller.unregister(socket);
        socket.rebuild();
        poller.register(socket);
        connect();
    }

    private void sendInform() {
        String queues = settings.type() == ServiceType.WORKER ? QueueList.encode(settings.queues()) : "";
        send(Message.of(Command.INFORM, queues, settings.type().wireName()));
        informSentAt = clock.millis();
    }

    private void beginStop() {
        if (stopping || state == ServiceState.STOPPED) {
            return;
        }
        stopping = true;
        stopDeadline = clock.millis() + settings.gracePeriod().toMillis();
        log.info("stopping: waiting up to {} for {} running jobs", settings.gracePeriod(), running.size());
        setState(ServiceState.STOPPING);
    }

    private void abandonRunningJobs() {
        log.warn("grace period of {} over: interrupting {} running jobs", settings.gracePeriod(), running.size());
        for (RunningJob job : running.values()) {
            job.interrupt();
            JobOutcome outcome = job.answeredAs == null ? JobOutcome.INTERRUPTED : job.answeredAs;
            if (job.answeredAs == null && job.headers.replyRequested()) {
                sendReply(ResultFrame.failure(JobResult.INTERRUPTED, "the worker stopped before the job finished"),
                        job.msgid);
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - job.startNanos);
            listener.jobFinished(job.msgid, job.queue, duration, outcome);
        }
        running.clear();
    }

    private void sayGoodbye() {
        if (!byeSent) {
            send(Message.of(Command.KBYE));
            byeSent = true;
        }
    }

    /** Says KBYE (unless already said), then releases everything. */
    private void close() {
        sayGoodbye();
        release();
        log.info("{} {} stopped", settings.type().wireName(), identity);
        setState(ServiceState.STOPPED);
    }

    /** Closes mailbox, poller and socket (its linger lets queued messages leave) and ends the job threads. */
    private void release() {
        mailbox.close();
        poller.close();
        socket.close();
        jobThreads.shutdownNow();
        if (eventThread != null) {
            eventThread.shutdown();
        }
    }

    private boolean takesWork() {
        return acked && !stopping && settings.type() == ServiceType.WORKER;
    }

    private void sendReply(String result, String requestMsgid) {
        send(Message.of(Command.REPLY, result, requestMsgid));
    }

    private void send(Message message) {
        heartbeat.sent();
        if (!socket.send(message)) {
            log.warn("could not queue {} {} for the router: its queue is full", message.commandName(),
                    message.msgid());
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("sent {} {} {}", message.commandName(), message.msgid(), message.body());
        }
        listener.messageSent(message);
    }

    private void invalid(String reason) {
        invalidMessages.incrementAndGet();
        log.warn("dropped a message from the router: {}", reason);
        listener.invalidMessage(reason);
    }

    private void publish(Message message) {
        List<Consumer<Message>> commandListeners = handlers.listeners(message.command());
        if (commandListeners.isEmpty()) {
            return;
        }
        eventThread.execute(() -> {
            for (Consumer<Message> commandListener : commandListeners) {
                try {
                    commandListener.accept(message);
                } catch (RuntimeException e) {
                    log.warn("a {} listener failed", message.commandName(), e);
                }
            }
        });
    }

    private void setState(ServiceState next) {
        ServiceState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        log.info("{} {} -> {}", settings.type().wireName(), previous, next);
        listener.stateChanged(previous, next);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
