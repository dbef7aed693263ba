package io.eventmq.protocol;

import java.util.Objects;

/**
 * One entry of INFORM's queue list: a queue name and the weight a worker gives it (higher first).
 *
 * @param weight the worker's preference for this queue
 * @param name   the queue name
 */
public record WeightedQueue(int weight, String name) {

    public WeightedQueue {
        Objects.requireNonNull(name, "name");
    }
}
