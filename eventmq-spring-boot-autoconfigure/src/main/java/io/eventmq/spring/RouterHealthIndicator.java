package io.eventmq.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.eventmq.router.Router;
import io.eventmq.router.RouterStatus;

/**
 * The embedded router, from {@link Router#status()} (a hop to its I/O thread, no network). UP while it runs;
 * OUT_OF_SERVICE once stopped (by the application or an admin DISCONNECT); UNKNOWN before it was started.
 */
final class RouterHealthIndicator implements HealthIndicator {

    private final Router router;

    RouterHealthIndicator(Router router) {
        this.router = router;
    }

    @Override
    public Health health() {
        if (router.endpoints() == null) {
            return Health.unknown().build();
        }
        RouterStatus status = router.status();
        Health.Builder health;
        if (status.failure() != null) {
            health = Health.down().withDetail("error", ServiceHealthIndicator.describe(status.failure()));
        } else {
            health = status.running() ? Health.up() : Health.outOfService();
        }
        return health.withDetail("backend", status.endpoints().backend())
                .withDetail("frontend", status.endpoints().frontend())
                .withDetail("workers", status.workers().size())
                .withDetail("schedulers", status.schedulers())
                .withDetail("waiting", status.waiting())
                .withDetail("inFlight", status.inFlight())
                .withDetail("dispatched", status.dispatched())
                .build();
    }
}
