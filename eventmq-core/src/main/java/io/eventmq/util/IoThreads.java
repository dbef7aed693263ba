package io.eventmq.util;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a device's I/O thread to end: without end while it says goodbye, or for a bounded stop. */
public final class IoThreads {

    private IoThreads() {
    }

    /**
     * Waits until {@code thread} has ended, unless it is the calling thread. An interrupt does not cut the
     * wait short (the thread is finishing its goodbyes); it is kept for the caller.
     */
    public static void join(Thread thread) {
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits up to {@code bound} for a device's stop to complete; does not wait when called on the device's own
     * I/O thread ({@code ioThread}, which would wait for itself). An interrupt ends the wait and is kept.
     *
     * @return whether the stop completed
     */
    public static boolean awaitStop(Thread ioThread, CompletableFuture<Void> stopped, Duration bound) {
        if (Thread.currentThread() == ioThread) {
            return stopped.isDone();
        }
        try {
            stopped.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
