package io.eventmq.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One throughput/latency case.
 *
 * @param workers        workers connected to the router
 * @param slotsPerWorker READY credits each worker keeps
 * @param window         REQUESTs the client keeps in flight: 1 measures latency, 100 throughput
 */
record Scenario(int workers, int slotsPerWorker, int window) {

    /** 1 and 2 workers × 1 and 4 slots × window 1 and 100. */
    static List<Scenario> standard() {
        List<Scenario> scenarios = new ArrayList<>(8);
        for (int window : new int[] {1, 100}) {
            for (int workers : new int[] {1, 2}) {
                for (int slots : new int[] {1, 4}) {
                    scenarios.add(new Scenario(workers, slots, window));
                }
            }
        }
        return scenarios;
    }

    /** e.g. {@code 2w x 4s, window 100}. */
    String label() {
        return workers + "w x " + slotsPerWorker + "s, window " + window;
    }
}
