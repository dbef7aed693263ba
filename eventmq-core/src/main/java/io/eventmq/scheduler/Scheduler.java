package io.eventmq.scheduler;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.zeromq.ZContext;

import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceListener;
import io.eventmq.device.ServiceListeners;
import io.eventmq.device.ServiceState;
import io.eventmq.device.ServiceStatus;
import io.eventmq.device.WorkerService;

/**
 * The scheduler device: keeps the schedules clients send (SCHEDULE, UNSCHEDULE through the router) and sends
 * each due job to the router as a REQUEST with {@code reply-requested}. Its connection is a
 * {@link WorkerService} of type scheduler on the router's frontend (INFORM, ACK, heartbeats, reconnect, stop),
 * whose I/O thread also keeps the schedules. Schedules are read back from its {@link ScheduleStore} when it
 * starts; after that the store is called on a thread of its own ({@code eventmq-scheduler-store-N}), so a slow
 * database never holds up the I/O thread and its heartbeats.
 *
 * <p>Time comes from two clocks: the wall clock for cron, a monotonic nanosecond clock for intervals; a test
 * gives fake ones and calls {@link #wake()} after moving them.
 */
public final class Scheduler implements AutoCloseable {

    private static final AtomicInteger SCHEDULERS = new AtomicInteger();
    /** Store calls that may wait; beyond, a due run is sent without asking and a save is dropped, with a WARN. */
    private static final int STORE_BACKLOG = 1_000;

    private final ThreadPoolExecutor storeThread;
    private final WorkerService service;
    private final Schedules schedules;
    private final ConnectionWatch watch;

    /**
     * A scheduler from its parts.
     *
     * @param wallClock      the clock cron expressions are read against
     * @param monotonicNanos the clock intervals are measured on, as {@link System#nanoTime()}
     * @param listener       told what the connection does, as a worker's
     */
    public Scheduler(ZContext context, SchedulerSettings settings, ScheduleStore store, InstantSource wallClock,
                     LongSupplier monotonicNanos, ServiceListener listener) {
        Objects.requireNonNull(settings, "settings");
        this.storeThread = storeThread("eventmq-scheduler-store-" + SCHEDULERS.incrementAndGet());
        this.schedules = new Schedules(settings, Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(wallClock, "wallClock"), Objects.requireNonNull(monotonicNanos, "monotonicNanos"),
                storeThread, this::wake);
        this.watch = new ConnectionWatch();
        this.service = new WorkerService(context, settings.service(), new Handlers().onSchedules(schedules),
                ServiceListeners.of(List.of(watch, Objects.requireNonNull(listener, "listener"))),
                InstantSource.system());
    }

    /** A scheduler on the system clocks, keeping its schedules in {@code store}. */
    public Scheduler(ZContext context, SchedulerSettings settings, ScheduleStore store) {
        this(context, settings, store, InstantSource.system(), System::nanoTime, ServiceListener.NONE);
    }

    /**
     * Reads the stored schedules back, connects to the router and sends INFORM. Once only.
     *
     * @throws IllegalStateException when already started or stopped
     */
    public void start() {
        if (service.state() != ServiceState.NEW) {
            throw new IllegalStateException("the scheduler was already started; it is " + service.state());
        }
        schedules.restore();
        storeThread.prestartCoreThread();
        service.start();
    }

    /**
     * Begins a graceful stop (KBYE, socket closed) and returns at once; the store's thread finishes the calls it
     * was given and ends. @return completes when stopped
     */
    public CompletableFuture<Void> stopAsync() {
        return service.stopAsync().whenComplete((stopped, error) -> storeThread.shutdown());
    }

    /** Stops gracefully and waits a bounded time. @return whether it stopped in that time */
    public boolean stop() {
        boolean stopped = service.stop();
        storeThread.shutdown();
        return stopped;
    }

    /** {@link #stop()}; idempotent. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the scheduler was started and has not stopped. */
    public boolean isRunning() {
        return service.isRunning();
    }

    /** A snapshot of its connection. Any thread. */
    public ServiceStatus status() {
        return service.status();
    }

    /**
     * Completes when the router first acknowledged the scheduler: from then on the router hands it SCHEDULEs
     * (before, it refuses them when no other scheduler is registered).
     */
    public CompletableFuture<Void> connected() {
        return watch.connected();
    }

    /** Schedules kept now. Any thread. */
    public int schedules() {
        return schedules.size();
    }

    /** REQUESTs sent for due schedules so far. Any thread. */
    public long sentRequests() {
        return schedules.sent();
    }

    /** SCHEDULE and UNSCHEDULE messages dropped as malformed, and schedules refused. Any thread. */
    public long invalidSchedules() {
        return schedules.invalid();
    }

    /** Looks at the schedules again now: after the given clocks moved other than the system's. Any thread. */
    public void wake() {
        service.wake();
    }

    /**
     * One daemon thread with a bounded backlog that refuses saying why. {@link #start()} starts it on the caller's
     * thread: started by the I/O thread's first call, it would inherit that thread's {@code SCHED_BATCH}.
     */
    private static ThreadPoolExecutor storeThread(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(STORE_BACKLOG),
                task -> {
                    Thread thread = new Thread(task, name);
                    thread.setDaemon(true);
                    return thread;
                },
                (task, executor) -> {
                    throw new RejectedExecutionException(executor.isShutdown() ? "stopped"
                            : STORE_BACKLOG + " calls behind");
                });
    }
}
