package io.eventmq.spring;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops an EventMQ device with the application context. Stopping is asynchronous: the context
 * waits for it up to {@code spring.lifecycle.timeout-per-shutdown-phase} per phase. Phases rise from router to
 * scheduler to client to worker: the router starts first and stops last, the worker stops first.
 */
final class DeviceLifecycle implements SmartLifecycle {

    /** The embedded router: started first, stopped last, after the web server and the devices that use it. */
    static final int ROUTER_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    /** The scheduler: started after the router, stopped before it, after the client. */
    static final int SCHEDULER_PHASE = SmartLifecycle.DEFAULT_PHASE - 3584;
    /** The client: stopped after the worker, so results of the application's own jobs still arrive. */
    static final int CLIENT_PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;
    /** The worker: started after the router, stopped once the web server stops taking requests. */
    static final int WORKER_PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private final int phase;
    private final Runnable start;
    private final Supplier<CompletableFuture<Void>> stop;
    private final BooleanSupplier running;

    DeviceLifecycle(int phase, Runnable start, Supplier<CompletableFuture<Void>> stop, BooleanSupplier running) {
        this.phase = phase;
        this.start = start;
        this.stop = stop;
        this.running = running;
    }

    @Override
    public void start() {
        if (!isRunning()) {
            start.run();
        }
    }

    @Override
    public void stop() {
        stop.get().join();
    }

    @Override
    public void stop(Runnable callback) {
        stop.get().whenComplete((ignored, failure) -> callback.run());
    }

    @Override
    public boolean isRunning() {
        return running.getAsBoolean();
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
