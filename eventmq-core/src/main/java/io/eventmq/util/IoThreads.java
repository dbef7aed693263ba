package io.eventmq.util;

/** Waiting for a device's I/O thread to end. */
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
}
