package io.eventmq.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps {@code window} REQUESTs in flight until a time or count limit, then waits for the last results:
 * a closed loop, so the number in flight never exceeds the window and nothing queues without bound.
 */
final class WindowDriver {

    /** Longest wait for any one result before the phase is declared stuck. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private WindowDriver() {
    }

    /**
     * One phase.
     *
     * @param payload each REQUEST's payload
     * @param samples where each job's latency (submit to result) goes
     * @return jobs completed and the time from the first submit to the last result
     * @throws IllegalStateException when a result does not come within {@link #REPLY_TIMEOUT}
     */
    static Phase run(Deployment deployment, int window, String payload, Duration duration, int maxJobs,
                     LatencySamples samples) throws InterruptedException {
        Map<String, Long> inFlight = new HashMap<>(window * 2);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        int sent = 0;
        int completed = 0;
        while (sent < Math.min(window, maxJobs)) {
            inFlight.put(deployment.submit(payload), System.nanoTime());
            sent++;
        }
        while (!inFlight.isEmpty()) {
            String msgid = deployment.awaitReply(REPLY_TIMEOUT);
            if (msgid == null) {
                throw new IllegalStateException("no result within " + REPLY_TIMEOUT + ", " + inFlight.size()
                        + " REQUESTs in flight after " + completed + " results");
            }
            Long submitted = inFlight.remove(msgid);
            if (submitted == null) {
                throw new IllegalStateException("result for a REQUEST not in flight: " + msgid);
            }
            long now = System.nanoTime();
            samples.record(now - submitted);
            completed++;
            if (sent < maxJobs && now < deadline) {
                inFlight.put(deployment.submit(payload), System.nanoTime());
                sent++;
            }
        }
        return new Phase(completed, System.nanoTime() - start);
    }

    /** What a phase did. */
    record Phase(int jobs, long elapsedNanos) {

        double jobsPerSecond() {
            return elapsedNanos == 0 ? 0 : jobs * 1e9 / elapsedNanos;
        }
    }
}
