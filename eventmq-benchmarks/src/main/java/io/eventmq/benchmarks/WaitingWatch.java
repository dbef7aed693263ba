package io.eventmq.benchmarks;

import java.time.Duration;

import io.eventmq.router.RouterListener;

/**
 * Follows the router's count of waiting REQUESTs (the benchmarks use one queue). A volatile write on the
 * router's thread and nothing else, so that watching costs the measured router next to nothing.
 */
final class WaitingWatch implements RouterListener {

    private static final long CHECK_MILLIS = 10;

    private volatile int waiting;

    @Override
    public void waiting(String queue, int size) {
        waiting = size;
    }

    /** Checks every few milliseconds (a benchmark may sleep) until {@code count} REQUESTs wait. */
    boolean await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting < count) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(CHECK_MILLIS);
        }
        return true;
    }
}
