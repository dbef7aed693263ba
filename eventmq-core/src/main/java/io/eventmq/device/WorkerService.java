package io.eventmq.device;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.zeromq.ZContext;

import io.eventmq.heartbeat.HeartbeatMonitor;
import io.eventmq.transport.EmqpSocket;
import io.eventmq.transport.IoScheduling;
import io.eventmq.transport.Poller;
import io.eventmq.util.IoThreads;

/**
 * A service connected to an EventMQ router: a worker (job manager) or, with {@link ServiceType#SCHEDULER},
 * the connection of a scheduler. It sends INFORM and waits for the ACK (sending INFORM again when none
 * comes within the reconnect timeout), offers one READY per free job slot, runs each REQUEST on a job
 * thread and answers with a REPLY when asked, keeps heartbeats flowing, and when the router falls silent
 * reconnects with a new identity, alternating with the failover address.
 *
 * <p>Its parts can be made by the application and handed in: the managed socket ({@link EmqpSocket}, rebuilt
 * with a new identity on reconnect), the {@link Poller} its I/O thread waits on and the {@link HeartbeatMonitor}
 * whose counters health checks read. The service owns them once built and closes them when it stops. One
 * I/O thread ({@code eventmq-worker-N-io}, not a daemon: a running service keeps the JVM up, under the
 * {@link IoScheduling} of the socket's context) owns socket and poller; jobs run on {@code concurrency} daemon job
 * threads. The ZeroMQ context is shared, not owned.
 */
public final class WorkerService implements AutoCloseable {

    private static final Duration STOP_MARGIN = Duration.ofSeconds(5);
    /** Messages that may wait for slow command listeners; beyond, one is dropped for them, counted and logged. */
    private static final int EVENTS_BACKLOG = 10_000;
    private static final AtomicInteger SERVICES = new AtomicInteger();

    private final ServiceSettings settings;
    private final Handlers handlers;
    private final HeartbeatMonitor heartbeat;
    private final WorkerLoop loop;
    private final IoScheduling ioScheduling;
    /** Names this service's threads: {@code eventmq-worker-3-io}, {@code eventmq-worker-3-job-1}, ... */
    private final String name;
    private final Object lifecycle = new Object();
    private Thread ioThread;

    /**
     * A service from its parts.
     *
     * @param socket    the DEALER it connects with (e.g. {@link EmqpSocket#dealer}); owned from now on
     * @param poller    the poller its I/O thread waits on; owned from now on
     * @param heartbeat the heartbeat monitor on {@code settings.heartbeat()}; owned from now on
     * @param handlers  what runs the jobs; more may be registered until {@link #start()}
     */
    public WorkerService(ServiceSettings settings, EmqpSocket socket, Poller poller, HeartbeatMonitor heartbeat,
                         Handlers handlers, ServiceListener listener, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
        this.name = "eventmq-" + settings.type().wireName() + "-" + SERVICES.incrementAndGet();
        this.ioScheduling = Objects.requireNonNull(socket, "socket").ioScheduling();
        this.loop = new WorkerLoop(settings, socket,
                Objects.requireNonNull(poller, "poller"), heartbeat, handlers,
                new GuardedServiceListener(Objects.requireNonNull(listener, "listener")),
                Objects.requireNonNull(clock, "clock"));
    }

    /** A service that makes its own socket, poller and heartbeat monitor. */
    public WorkerService(ZContext context, ServiceSettings settings, Handlers handlers, ServiceListener listener,
                         InstantSource clock) {
        this(settings, EmqpSocket.dealer(Objects.requireNonNull(context, "context"), settings.socket()),
                new Poller(), new HeartbeatMonitor(clock, settings.heartbeat()), handlers, listener, clock);
    }

    /** A service on the system clock that reports to no listener. */
    public WorkerService(ZContext context, ServiceSettings settings, Handlers handlers) {
        this(context, settings, handlers, ServiceListener.NONE, InstantSource.system());
    }

    /**
     * Connects to the router and sends INFORM; the rest happens on the service's threads. Once only. The
     * handlers are fixed from here on: registering another one fails.
     *
     * @throws IllegalStateException    when already started or stopped
     * @throws IllegalArgumentException when the address cannot be connected to
     */
    public void start() {
        synchronized (lifecycle) {
            if (loop.state() != ServiceState.NEW) {
                throw new IllegalStateException("the service was already started; it is " + loop.state());
            }
            handlers.fix();
            ExecutorService jobs = startedThreads(settings.concurrency(), name + "-job-", settings.concurrency());
            ExecutorService events = handlers.hasListeners()
                    ? startedThreads(1, name + "-events-", EVENTS_BACKLOG) : null;
            try {
                loop.open(new JobRunner(handlers), jobs, events);
            } catch (RuntimeException e) {
                loop.abandon();
                throw e;
            }
            ioThread = ioScheduling.newThread(loop, name + "-io");
            ioThread.start();
        }
    }

    /**
     * Begins a graceful stop and returns at once: KBYE, no more jobs taken (REQUESTs still on their way get an
     * error REPLY), running jobs finish (interrupted and answered with an error when the grace period ends
     * first), their REPLYs are sent, then the socket closes.
     *
     * @return completes when the service has stopped
     */
    public CompletableFuture<Void> stopAsync() {
        synchronized (lifecycle) {
            if (ioThread == null) {
                if (loop.state() == ServiceState.NEW) {
                    loop.abandon();
                }
                return loop.terminated();
            }
        }
        loop.requestStop();
        return loop.terminated();
    }

    /**
     * Stops gracefully (see {@link #stopAsync()}) and waits at most the grace period, the socket's linger and
     * a few seconds more.
     *
     * @return whether the service stopped within that time
     */
    public boolean stop() {
        CompletableFuture<Void> stopped = stopAsync();
        return IoThreads.awaitStop(ioThread, stopped,
                settings.gracePeriod().plus(settings.socket().linger()).plus(STOP_MARGIN));
    }

    /** {@link #stop()}; idempotent. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Makes the I/O thread look at its {@link Timetable} again now rather than when it last computed; for a
     * timetable whose clock moved other than the system's (a test's fake clock, a corrected wall clock).
     */
    public void wake() {
        loop.wake();
    }

    /** Whether the service was started and has not stopped (nor died). */
    public boolean isRunning() {
        ServiceState state = loop.state();
        return state != ServiceState.NEW && state != ServiceState.STOPPED && loop.failure() == null;
    }

    public ServiceState state() {
        return loop.state();
    }

    /** A snapshot of what the service is doing. Any thread, cheap. */
    public ServiceStatus status() {
        return loop.status();
    }

    public ServiceSettings settings() {
        return settings;
    }

    /** The handlers; more may be registered until {@link #start()}. */
    public Handlers handlers() {
        return handlers;
    }

    /** The heartbeat monitor of the current connection; its counters may be read from any thread. */
    public HeartbeatMonitor heartbeat() {
        return heartbeat;
    }

    /**
     * A pool of {@code count} daemon threads, all started now by the calling thread: a thread the I/O thread
     * started would inherit its scheduling policy ({@link IoScheduling}), and job threads keep the application's.
     * At most {@code backlog} tasks wait; beyond, a task is refused (jobs never are: each holds a slot).
     */
    private static ExecutorService startedThreads(int count, String prefix, int backlog) {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(backlog), runnable -> {
                    Thread thread = new Thread(runnable, prefix + made.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.prestartAllCoreThreads();
        return pool;
    }
}
