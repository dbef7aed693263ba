package io.eventmq.spring;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;

import io.eventmq.device.JobOutcome;
import io.eventmq.device.JobReport;
import io.eventmq.device.ServiceListener;
import io.eventmq.device.WorkerService;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.WeightedQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The worker's meters, fed by its listener calls, one at a time (on the I/O thread or a job thread). Message
 * counters are made up front, one per command, so a message costs a map lookup and an increment; a handler
 * timer is made once per set of tags. The job gauges read {@link WorkerService#status()} when the registry asks.
 */
final class WorkerMetrics implements ServiceListener {

    private final MeterRegistry registry;
    private final Map<Command, Counter> sent;
    private final Map<Command, Counter> received;
    private final Counter invalid;
    private final Counter heartbeatMisses;
    private final Counter reconnects;
    private final Map<HandlerTimer, Timer> handlerTimers = new ConcurrentHashMap<>();
    private final ObjectProvider<WorkerService> worker;
    private volatile Set<String> served;

    /** @param worker looked up when a gauge is read: the worker is built with this listener, after it */
    WorkerMetrics(MeterRegistry registry, ObjectProvider<WorkerService> worker) {
        this.registry = registry;
        this.worker = worker;
        this.sent = commandCounters(registry, "eventmq.messages.sent", "Messages the worker sent to its router");
        this.received = commandCounters(registry, "eventmq.messages.received",
                "Well-formed messages the worker received from its router");
        this.invalid = Counter.builder("eventmq.messages.invalid")
                .description("Messages from the router dropped as malformed or unexpected").register(registry);
        this.heartbeatMisses = Counter.builder("eventmq.heartbeat.misses")
                .description("Heartbeat timeouts that passed with nothing from the router").register(registry);
        this.reconnects = Counter.builder("eventmq.reconnects")
                .description("Times the worker dropped its connection and connected again").register(registry);
        Gauge.builder("eventmq.jobs.active", worker, provider -> provider.getObject().status().runningJobs())
                .description("Jobs holding a slot now").register(registry);
        Gauge.builder("eventmq.jobs.slots", worker, provider -> provider.getObject().status().slots())
                .description("Job slots of the worker (its concurrency)").register(registry);
    }

    @Override
    public void messageSent(Message message) {
        sent.get(message.command()).increment();
    }

    @Override
    public void messageReceived(Message message) {
        received.get(message.command()).increment();
    }

    @Override
    public void invalidMessage(String reason) {
        invalid.increment();
    }

    @Override
    public void heartbeatMissed(int misses) {
        heartbeatMisses.increment();
    }

    @Override
    public void reconnecting(String address, String reason) {
        reconnects.increment();
    }

    @Override
    public void jobFinished(JobReport job) {
        HandlerTimer key = new HandlerTimer(servedOrOther(job.queue()), job.handler(), job.outcome(),
                job.error() == null ? "none" : job.error());
        handlerTimers.computeIfAbsent(key, this::register).record(job.duration());
    }

    /**
     * The queue as a tag: one the worker serves, else {@code other} (the router hands a worker of the
     * {@code default} queue every REQUEST for a queue nobody serves, with the queue name the client made up).
     */
    private String servedOrOther(String queue) {
        Set<String> queues = served;
        if (queues == null) {
            queues = worker.getObject().settings().queues().stream().map(WeightedQueue::name)
                    .collect(Collectors.toUnmodifiableSet());
            served = queues;
        }
        return queues.contains(queue) ? queue : "other";
    }

    /**
     * The tags of one {@code eventmq.handler} timer, in the shape of Spring AMQP's listener timer. The handler
     * tag is the name a handler was registered under ({@code none} when none matched) and the queue one the worker
     * serves, so a peer cannot make them grow at will.
     */
    private record HandlerTimer(String queue, String handler, JobOutcome outcome, String exception) {
    }

    private Timer register(HandlerTimer key) {
        return Timer.builder("eventmq.handler").description("Jobs run by the worker's handlers")
                .tag("queue", key.queue()).tag("handler", key.handler()).tag("outcome", key.outcome().name())
                .tag("exception", key.exception()).register(registry);
    }

    private static Map<Command, Counter> commandCounters(MeterRegistry registry, String name, String description) {
        Map<Command, Counter> counters = new EnumMap<>(Command.class);
        for (Command command : Command.values()) {
            counters.put(command, Counter.builder(name).description(description).tag("command", command.name())
                    .register(registry));
        }
        return counters;
    }
}
