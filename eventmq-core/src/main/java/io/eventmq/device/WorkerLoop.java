package io.eventmq.device;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import io.eventmq.util.LogText;
import io.eventmq.util.RateLimitedLog;

/**
 * The service's I/O thread: owns the socket, the poller and the heartbeat monitor, and every piece of
 * connection and job-slot state. Other threads reach it only through the {@link Mailbox}: a finished job's
 * thread sends its REPLY itself, in the I/O thread's turn, when that thread waits ({@link Mailbox#runOrPost});
 * its interrupts end before ({@link RunningJob#end()}). The fields that {@link #status()} reads are volatile or
 * atomic.
 */
final class WorkerLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);

    /** Messages read from the socket before the mailbox (finished jobs) gets its turn. */
    private static final int BATCH = 256;
    /** At most one WARN per kind of bad input in this long, with a count of the rest. */
    static final Duration WARN_INTERVAL = Duration.ofSeconds(10);

    private final ServiceSettings settings;
    private final EmqpSocket socket;
    private final Poller poller;
    private final HeartbeatMonitor heartbeat;
    private final Handlers handlers;
    private final ServiceListener listener;
    private final InstantSource clock;
    private final RateLimitedLog warnings = new RateLimitedLog(log, WARN_INTERVAL);
    private final Mailbox<Runnable> mailbox = new Mailbox<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final AtomicLong jobsSucceeded = new AtomicLong();
    private final AtomicLong jobsFailed = new AtomicLong();
    private final AtomicLong refusedRequests = new AtomicLong();
    private final AtomicLong invalidMessages = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile ServiceState state = ServiceState.NEW;
    private volatile String identity;
    private volatile String address;
    private volatile Instant connectedSince;
    private volatile int runningJobs;
    private volatile Throwable failure;

    // Owned by the I/O thread.
    /** The jobs holding slots, oldest first: a list, read by index, so that a job and a pass allocate nothing here. */
    private final List<RunningJob> running = new ArrayList<>();
    private JobRunner runner;
    private ExecutorService jobThreads;
    private ExecutorService eventThread;
    private int connectAttempt;
    private boolean acked;
    private long informSentAt;
    private boolean stopping;
    private long stopDeadline;
    private boolean byeSent;

    WorkerLoop(ServiceSettings settings, EmqpSocket socket, Poller poller, HeartbeatMonitor heartbeat,
               Handlers handlers, ServiceListener listener, InstantSource clock) {
        this.settings = settings;
        this.socket = socket;
        this.poller = poller;
        this.heartbeat = heartbeat;
        this.handlers = handlers;
        this.listener = listener;
        this.clock = clock;
    }

    /** Connects and sends INFORM on the calling thread, before the I/O thread takes over. */
    void open(JobRunner jobRunner, ExecutorService jobs, ExecutorService events) {
        runner = jobRunner;
        jobThreads = jobs;
        eventThread = events;
        poller.register(mailbox);
        poller.register(socket);
        connect();
    }

    /**
     * Polls only when a whole pass over the mailbox and the socket found nothing: a poll is a select system
     * call, so a busy worker reads on without one.
     */
    @Override
    public void run() {
        try {
            boolean idle = false;
            while (state != ServiceState.STOPPED) {
                if (idle) {
                    poller.poll(pollTimeout());
                }
                int handled = mailbox.drain(Runnable::run);
                handled += receive();
                tick();
                idle = handled == 0;
            }
        } catch (Throwable e) {
            failure = e;
            log.error("{} I/O thread failed; the service stops", settings.type().wireName(), e);
            release();
            setState(ServiceState.STOPPED);
        } finally {
            terminated.complete(null);
        }
    }

    /** Asks the I/O thread to stop gracefully. Any thread. */
    void requestStop() {
        mailbox.post(this::beginStop);
    }

    /** Makes the I/O thread pass over its timetable again now (e.g. after its clock was moved). Any thread. */
    void wake() {
        mailbox.post(() -> { });
    }

    /** Completes when the I/O thread has ended (or, for a service never started, when it was released). */
    CompletableFuture<Void> terminated() {
        return terminated;
    }

    /** Releases what {@link #open} took, for a service that never ran or failed to start. */
    void abandon() {
        release();
        setState(ServiceState.STOPPED);
        terminated.complete(null);
    }

    ServiceState state() {
        return state;
    }

    ServiceStatus status() {
        Instant now = clock.instant();
        Duration sinceLast = identity == null ? null
                : Duration.ofMillis(Math.max(0, now.toEpochMilli() - heartbeat.lastReceivedMillis()));
        return new ServiceStatus(settings.type(), state, address, settings.failoverAddress(), identity,
                settings.queues(), connectedSince, sinceLast, heartbeat.misses(), reconnects.get(), runningJobs,
                settings.concurrency(), jobsSucceeded.get(), jobsFailed.get(), refusedRequests.get(),
                invalidMessages.get(), failure != null ? failure : socket.contextFailure());
    }

    /** The error that ended the I/O thread or one of ZeroMQ's, {@code null} while none did. */
    Throwable failure() {
        return failure != null ? failure : socket.contextFailure();
    }

    /** Handles up to {@link #BATCH} messages waiting on the socket. @return how many */
    private int receive() {
        int received = 0;
        while (received < BATCH && state != ServiceState.STOPPED) {
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
                log.debug("received {} {} {}", LogText.of(message.commandName()), LogText.of(message.msgid()),
                        LogText.of(message.body().toString()));
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
            log.debug("ignoring {} {} while waiting for the ACK", message.commandName(), LogText.of(message.msgid()));
            return;
        }
        switch (command) {
            case ACK -> onAck(message);
            case REQUEST -> onRequest(message);
            case SCHEDULE, UNSCHEDULE -> {
                if (handlers.timetable() != null) {
                    handlers.timetable().received(message);
                }
            }
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
            case SCHEDULE, UNSCHEDULE -> handlers.timetable() != null || !handlers.listeners(command).isEmpty();
            case REPLY -> settings.type() == ServiceType.SCHEDULER || !handlers.listeners(command).isEmpty();
            case UNKNOWN -> false;
            default -> !handlers.listeners(command).isEmpty();
        };
    }

    private void onAck(Message message) {
        if (acked) {
            log.debug("ignoring ACK {}: already acknowledged", LogText.of(message.msgid()));
            return;
        }
        acked = true;
        if (stopping) {
            return;
        }
        log.info("{} {} connected to {}", settings.type().wireName(), identity, address);
        connectedSince = clock.instant();
        setState(ServiceState.CONNECTED);
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
            payload = request.frame(2);
        } catch (ProtocolException e) {
            invalid(e.getMessage());
            giveSlotBack();
            return;
        }
        try {
            headers = Headers.parse(request.frame(1));
        } catch (ProtocolException e) {
            invalid(e.getMessage());
            refuse(request, Headers.NONE.withReplyRequested(true), JobResult.INVALID_HEADERS, e.getMessage());
            giveSlotBack();
            return;
        }
        if (stopping) {
            refuse(request, headers, JobResult.STOPPING, "the worker is stopping");
            return;
        }
        if (running.size() >= settings.concurrency()) {
            refuse(request, headers, JobResult.NO_FREE_SLOT, "no free job slot (" + running.size() + " running)");
            return;
        }
        long now = clock.millis();
        long deadline = headers.timeoutSeconds() == 0 ? -1 : now + headers.timeoutSeconds() * 1000L;
        RunningJob job = new RunningJob(request.msgid(), queue, headers, deadline, System.nanoTime());
        running.add(job);
        runningJobs = running.size();
        listener.jobStarted(job.msgid, job.queue);
        jobThreads.execute(() -> {
            job.begin();
            JobResult result = runner.run(job.msgid, job.queue, job.headers, payload);
            job.end();
            mailbox.runOrPost(() -> onJobDone(job, result), Runnable::run);
        });
    }

    /** Answers a REQUEST the service will not run: counted, logged, and an error REPLY when one was asked for. */
    private void refuse(Message request, Headers headers, String type, String why) {
        refusedRequests.incrementAndGet();
        warnings.warn(type, "REQUEST " + LogText.of(request.msgid()) + " refused: " + LogText.of(why));
        if (headers.replyRequested()) {
            sendReply(ResultFrame.refusal(type, why), request.msgid());
        }
    }

    /**
     * On the I/O thread, or on the job's thread in its turn ({@link Mailbox#runOrPost}): so the last job of a
     * stopping service wakes the loop, whose pass then closes the service.
     */
    private void onJobDone(RunningJob job, JobResult result) {
        if (!running.remove(job)) {
            return;
        }
        runningJobs = running.size();
        JobOutcome outcome = job.answeredAs == null ? result.outcome() : job.answeredAs;
        if (job.answeredAs == null && result.reply() != null) {
            sendReply(result.reply(), job.msgid);
        }
        finished(job, Duration.ofNanos(result.nanos()), outcome, result.handler(),
                job.answeredAs == null ? result.error() : JobResult.TIMEOUT);
        giveSlotBack();
        if (stopping && running.isEmpty()) {
            wake();
        }
    }

    /** The router took a slot for a REQUEST that no longer holds it: READY again, unless stopping. */
    private void giveSlotBack() {
        if (takesWork()) {
            send(Message.of(Command.READY));
        }
    }

    private void finished(RunningJob job, Duration duration, JobOutcome outcome, String handler, String error) {
        (outcome == JobOutcome.SUCCEEDED ? jobsSucceeded : jobsFailed).incrementAndGet();
        listener.jobFinished(new JobReport(job.msgid, job.queue, handler, duration, outcome, error));
    }

    private void onDisconnect() {
        log.info("the router sent DISCONNECT: saying KBYE and stopping");
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
        warnings.flush();
        runner.flush();
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
        if (keepsSchedules()) {
            handlers.timetable().sendDue(this::send);
        }
        for (int i = 0; i < running.size(); i++) {
            RunningJob job = running.get(i);
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
        if (keepsSchedules()) {
            long due = handlers.timetable().millisUntilDue();
            if (due >= 0) {
                timeout = earliest(timeout, due);
            }
        }
        for (int i = 0; i < running.size(); i++) {
            RunningJob job = running.get(i);
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
        log.warn("REQUEST {} {}: interrupted", LogText.of(job.msgid), message);
        if (job.headers.replyRequested()) {
            sendReply(ResultFrame.failure(JobResult.TIMEOUT, message), job.msgid);
        }
    }

    private void connect() {
        address = settings.addressOf(connectAttempt++);
        identity = socket.identity();
        socket.connect(address);
        acked = false;
        connectedSince = null;
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
        reconnects.incrementAndGet();
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

    /**
     * Stops taking work at once: KBYE tells the router to send no more, REQUESTs already on their way are
     * refused with an error REPLY, and running jobs finish within the grace period.
     */
    private void beginStop() {
        if (stopping || state == ServiceState.STOPPED) {
            return;
        }
        stopping = true;
        stopDeadline = clock.millis() + settings.gracePeriod().toMillis();
        log.info("stopping: waiting up to {} for {} running jobs", settings.gracePeriod(), running.size());
        setState(ServiceState.STOPPING);
        sayGoodbye();
    }

    private void abandonRunningJobs() {
        log.warn("grace period of {} over: interrupting {} running jobs", settings.gracePeriod(), running.size());
        for (RunningJob job : running) {
            job.interrupt();
            JobOutcome outcome = job.answeredAs == null ? JobOutcome.INTERRUPTED : job.answeredAs;
            if (job.answeredAs == null && job.headers.replyRequested()) {
                sendReply(ResultFrame.failure(JobResult.INTERRUPTED, "the worker stopped before the job finished"),
                        job.msgid);
            }
            finished(job, Duration.ofNanos(System.nanoTime() - job.startNanos), outcome, job.queue,
                    job.answeredAs == null ? JobResult.INTERRUPTED : JobResult.TIMEOUT);
        }
        running.clear();
        runningJobs = 0;
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
        if (jobThreads != null) {
            jobThreads.shutdownNow();
        }
        if (eventThread != null) {
            eventThread.shutdown();
        }
    }

    /** Whether due schedules are sent now: there is a timetable, the router acknowledged us, not stopping. */
    private boolean keepsSchedules() {
        return handlers.timetable() != null && acked && !stopping;
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
                    LogText.of(message.msgid()));
            return;
        }
        if (log.isDebugEnabled()) {
            log.debug("sent {} {} {}", message.commandName(), LogText.of(message.msgid()),
                    LogText.of(message.body().toString()));
        }
        listener.messageSent(message);
    }

    private void invalid(String reason) {
        invalidMessages.incrementAndGet();
        warnings.warn("invalid", "dropped a message from the router: " + LogText.of(reason));
        listener.invalidMessage(reason);
    }

    private void publish(Message message) {
        List<Consumer<Message>> commandListeners = handlers.listeners(message.command());
        if (commandListeners.isEmpty()) {
            return;
        }
        try {
            eventThread.execute(() -> {
                for (Consumer<Message> commandListener : commandListeners) {
                    try {
                        commandListener.accept(message);
                    } catch (RuntimeException e) {
                        log.warn("a {} listener failed", message.commandName(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            warnings.warn("listener backlog", "dropped " + message.commandName() + " " + LogText.of(message.msgid())
                    + " for the command listeners: they are too slow and a backlog of messages waits for them");
        }
    }

    void setState(ServiceState next) {
        ServiceState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        log.info("{} {} -> {}", settings.type().wireName(), previous, next);
        listener.stateChanged(previous, next);
    }
}
