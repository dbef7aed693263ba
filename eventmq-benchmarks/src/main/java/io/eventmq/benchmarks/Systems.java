package io.eventmq.benchmarks;

import java.util.List;

/**
 * The systems one run measures, the baseline first: every other system's numbers are reported as a ratio
 * to it. EventMQ's own router, client and worker are added here once they exist in eventmq-core.
 */
final class Systems {

    private Systems() {
    }

    static List<QueueSystem> registered() {
        return List.of(new BaselineSystem());
    }
}
