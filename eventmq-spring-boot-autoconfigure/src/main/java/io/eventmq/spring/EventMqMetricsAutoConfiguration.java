package io.eventmq.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.eventmq.client.Client;
import io.eventmq.device.WorkerService;
import io.eventmq.router.Router;
import io.eventmq.scheduler.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters named {@code eventmq.*} for the worker, the embedded router and the client, only when the
 * application has a {@link MeterRegistry}. The worker and router meters are listener beans, which the worker
 * and router auto-configurations hand to their device; without a registry there are none and a message costs
 * nothing.
 */
@AutoConfiguration(after = {EventMqWorkerAutoConfiguration.class, EventMqRouterAutoConfiguration.class,
        EventMqClientAutoConfiguration.class, EventMqSchedulerAutoConfiguration.class},
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class EventMqMetricsAutoConfiguration {

    @Bean
    @ConditionalOnBean(WorkerService.class)
    @ConditionalOnMissingBean
    WorkerMetrics eventMqWorkerMetrics(MeterRegistry registry, ObjectProvider<WorkerService> worker) {
        return new WorkerMetrics(registry, worker);
    }

    @Bean
    @ConditionalOnBean(Router.class)
    @ConditionalOnMissingBean
    RouterMetrics eventMqRouterMetrics(MeterRegistry registry) {
        return new RouterMetrics(registry);
    }

    @Bean
    @ConditionalOnBean(Client.class)
    @ConditionalOnMissingBean
    ClientMetrics eventMqClientMetrics(MeterRegistry registry, Client client) {
        return new ClientMetrics(registry, client);
    }

    @Bean
    @ConditionalOnBean(Scheduler.class)
    @ConditionalOnMissingBean
    SchedulerMetrics eventMqSchedulerMetrics(MeterRegistry registry, Scheduler scheduler) {
        return new SchedulerMetrics(registry, scheduler);
    }
}
