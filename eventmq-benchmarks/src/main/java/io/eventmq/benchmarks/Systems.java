package io.eventmq.benchmarks;

import java.util.List;

/**
 * The systems one run measures, the baseline first: every other system's numbers are reported as a ratio
 * to it.
 */
final class Systems {

    private Systems() {
    }

    static List<QueueSystem> registered(Settings settings) {
        return List.of(new BaselineSystem(), new EventMqSystem(settings.waitingRequests()));
    }
}
