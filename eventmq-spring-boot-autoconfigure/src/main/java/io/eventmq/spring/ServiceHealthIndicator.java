package io.eventmq.spring;

import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.eventmq.device.ServiceStatus;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatSettings;

/**
 * A worker's or scheduler's connection to its router, from its {@link ServiceStatus} and the heartbeat settings
 * only: it never sends anything to find out. UP when ACKed and heard from; DOWN when the router is lost (silent for
 * {@code liveness} heartbeat timeouts, or gone and not back) or the I/O thread died; OUT_OF_SERVICE while
 * stopping or stopped on purpose; UNKNOWN before start and while the first connection is under way.
 */
final class ServiceHealthIndicator implements HealthIndicator {

    private final Supplier<ServiceStatus> service;
    private final HeartbeatSettings heartbeat;

    ServiceHealthIndicator(Supplier<ServiceStatus> service, HeartbeatSettings heartbeat) {
        this.service = service;
        this.heartbeat = heartbeat;
    }

    /** The worker's health, from its status and its heartbeat monitor's settings. */
    static ServiceHealthIndicator of(WorkerService worker) {
        return new ServiceHealthIndicator(worker::status, worker.heartbeat().settings());
    }

    @Override
    public Health health() {
        ServiceStatus status = service.get();
        Health.Builder health = details(status, heartbeat);
        if (status.failure() != null) {
            return health.down().withDetail("error", describe(status.failure())).build();
        }
        return switch (status.state()) {
            case NEW -> health.unknown().build();
            case CONNECTED -> (heartbeat.enabled() && status.heartbeatMisses() >= heartbeat.liveness()
                    ? health.down() : health.up()).build();
            case CONNECTING -> (firstAttemptUnderWay(status, heartbeat) ? health.unknown() : health.down()).build();
            case STOPPING, STOPPED -> health.outOfService().build();
        };
    }

    /**
     * Whether the worker is still on its first connection attempt, within {@code timeout × liveness} of it.
     * After a reconnect the router was lost: silent for that long already, or it said KBYE. The snapshot may
     * catch the start between its fields, with no time since the last message yet.
     */
    private static boolean firstAttemptUnderWay(ServiceStatus status, HeartbeatSettings heartbeat) {
        return status.reconnects() == 0 && (status.sinceLastMessage() == null
                || status.sinceLastMessage().compareTo(heartbeat.deadAfter()) < 0);
    }

    /** What the status says; addresses, identity and time since the last message are left out before start. */
    private static Health.Builder details(ServiceStatus status, HeartbeatSettings heartbeat) {
        Health.Builder health = new Health.Builder().withDetail("state", status.state());
        detailIfKnown(health, "address", status.address());
        detailIfKnown(health, "failoverAddress", status.failoverAddress());
        detailIfKnown(health, "identity", status.identity());
        detailIfKnown(health, "sinceLastMessage", status.sinceLastMessage());
        return health.withDetail("queues",
                        status.queues().stream().map(queue -> queue.name() + ":" + queue.weight()).toList())
                .withDetail("heartbeatMisses", status.heartbeatMisses())
                .withDetail("liveness", heartbeat.liveness())
                .withDetail("reconnects", status.reconnects())
                .withDetail("runningJobs", status.runningJobs())
                .withDetail("slots", status.slots());
    }

    private static void detailIfKnown(Health.Builder health, String key, Object value) {
        if (value != null) {
            health.withDetail(key, value.toString());
        }
    }

    /** The failure's type and message: health details are JSON, not a stack trace. */
    static String describe(Throwable failure) {
        return failure.getClass().getName() + ": " + failure.getMessage();
    }
}
