package io.eventmq.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One throughput/latency case.
 *
 * @param workers        workers connected to the router
 * @param slotsPerWorker READY credits each worker keeps
 * @param window         REQUESTs the client keeps in flight: 1 measures latency, 100 throughput
 * @param payloadBytes   size of each REQUEST's payload, {@link Workload#PAYLOAD}'s 120 or more
 */
record Scenario(int workers, int slotsPerWorker, int window, int payloadBytes) {

    static final int LARGE_PAYLOAD = 10 * 1024;

    /**
     * 1 and 2 workers × 1 and 4 slots × window 1 and 100; 100 slots at window 1000, where the credit is no
     * longer the limit; and 10 KB payloads at window 1 and 100.
     */
    static List<Scenario> standard() {
        List<Scenario> scenarios = new ArrayList<>(11);
        for (int window : new int[] {1, 100}) {
            for (int workers : new int[] {1, 2}) {
                for (int slots : new int[] {1, 4}) {
                    scenarios.add(new Scenario(workers, slots, window, Workload.PAYLOAD.length()));
                }
            }
        }
        scenarios.add(new Scenario(2, 50, 1000, Workload.PAYLOAD.length()));
        scenarios.add(new Scenario(1, 4, 1, LARGE_PAYLOAD));
        scenarios.add(new Scenario(1, 4, 100, LARGE_PAYLOAD));
        return scenarios;
    }

    String payload() {
        return Workload.payload(payloadBytes);
    }

    /** e.g. {@code 2w x 4s, window 100}, or {@code 1w x 4s, window 1, 10 KB} for a larger payload. */
    String label() {
        String label = workers + "w x " + slotsPerWorker + "s, window " + window;
        return payloadBytes == Workload.PAYLOAD.length() ? label : label + ", " + payloadBytes / 1024 + " KB";
    }
}
