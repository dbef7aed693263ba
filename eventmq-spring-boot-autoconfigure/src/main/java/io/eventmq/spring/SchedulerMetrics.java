package io.eventmq.spring;

import io.eventmq.scheduler.Scheduler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The scheduler's meters, read from its counters when the registry asks: nothing is done per run. */
final class SchedulerMetrics {

    SchedulerMetrics(MeterRegistry registry, Scheduler scheduler) {
        Gauge.builder("eventmq.scheduler.schedules", scheduler, Scheduler::schedules)
                .description("Schedules the scheduler keeps").register(registry);
        FunctionCounter.builder("eventmq.scheduler.fired", scheduler, Scheduler::sentRequests)
                .description("REQUESTs the scheduler sent for due runs").register(registry);
        FunctionCounter.builder("eventmq.scheduler.invalid", scheduler, Scheduler::invalidSchedules)
                .description("SCHEDULEs and UNSCHEDULEs dropped as malformed, and schedules refused")
                .register(registry);
    }
}
