package io.eventmq.spring;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.eventmq.router.DropReason;
import io.eventmq.router.PeerType;
import io.eventmq.router.RouterListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The embedded router's meters, fed by its listener calls on its I/O thread: no hop to that thread when the
 * registry reads them. Drop counters are made up front, one per reason; a waiting gauge once per queue.
 */
final class RouterMetrics implements RouterListener {

    private final MeterRegistry registry;
    private final Set<String> workers = ConcurrentHashMap.newKeySet();
    private final Set<String> schedulers = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final Counter dispatched;
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

    RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("eventmq.router.workers", workers, Set::size).description("Workers registered with the router")
                .register(registry);
        Gauge.builder("eventmq.router.schedulers", schedulers, Set::size)
                .description("Schedulers registered with the router").register(registry);
        this.dispatched = Counter.builder("eventmq.router.dispatched").description("REQUESTs sent to workers")
                .register(registry);
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder("eventmq.router.dropped")
                    .description("Messages the router dropped or refused").tag("reason", reason.name())
                    .register(registry));
        }
    }

    @Override
    public void peerJoined(PeerType type, String id) {
        (type == PeerType.WORKER ? workers : schedulers).add(id);
    }

    @Override
    public void peerLeft(PeerType type, String id, String reason) {
        (type == PeerType.WORKER ? workers : schedulers).remove(id);
    }

    @Override
    public void dispatched(String queue, String workerId, String msgid) {
        dispatched.increment();
    }

    @Override
    public void waiting(String queue, int size) {
        AtomicInteger gauge = waiting.get(queue);
        if (gauge == null) {
            gauge = waiting.computeIfAbsent(queue, this::waitingGauge);
        }
        gauge.set(size);
    }

    @Override
    public void refused(String msgid, DropReason reason) {
        dropped.get(reason).increment();
    }

    @Override
    public void dropped(DropReason reason, String detail) {
        dropped.get(reason).increment();
    }

    private AtomicInteger waitingGauge(String queue) {
        AtomicInteger size = new AtomicInteger();
        Gauge.builder("eventmq.router.waiting", size, AtomicInteger::get)
                .description("REQUESTs waiting in a queue for a free worker slot").tag("queue", queue)
                .register(registry);
        return size;
    }
}
