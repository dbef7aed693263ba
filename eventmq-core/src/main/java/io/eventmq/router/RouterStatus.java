package io.eventmq.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.eventmq.protocol.WeightedQueue;

/**
 * What a {@link Router} is doing, as a snapshot ({@link Router#status()}).
 *
 * @param running    started, and neither stopped nor dead
 * @param endpoints  the endpoints bound; {@code null} before start
 * @param workers    the registered workers
 * @param schedulers how many schedulers are registered
 * @param waiting    REQUESTs waiting for a free slot, by queue (queues with none left out)
 * @param inFlight   REQUESTs dispatched whose result has not come back
 * @param dispatched REQUESTs sent to workers since start
 * @param drops      what was dropped or refused, by reason (reasons never seen left out)
 * @param failure    what ended the I/O thread when it died of an error; {@code null} otherwise
 */
public record RouterStatus(boolean running, RouterEndpoints endpoints, List<ConnectedWorker> workers,
                           int schedulers, Map<String, Integer> waiting, int inFlight, long dispatched,
                           Map<DropReason, Long> drops, Throwable failure) {

    /**
     * A registered worker.
     *
     * @param id            its identity
     * @param queues        the queues it announced
     * @param freeSlots     READYs it gave that no REQUEST took yet
     * @param sinceLastSeen time since it was last heard from
     */
    public record ConnectedWorker(String id, List<WeightedQueue> queues, int freeSlots, Duration sinceLastSeen) {
    }

    /** Waiting REQUESTs in every queue together. */
    public int waitingTotal() {
        return waiting.values().stream().mapToInt(Integer::intValue).sum();
    }
}
