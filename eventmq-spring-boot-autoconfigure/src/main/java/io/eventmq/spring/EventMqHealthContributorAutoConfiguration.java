package io.eventmq.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

import io.eventmq.device.WorkerService;
import io.eventmq.router.Router;

/**
 * The {@code eventmq} health contributor: the worker's connection and heartbeats, and with an embedded router
 * a composite of both ({@code eventmq} → {@code worker}, {@code router}). Off with
 * {@code management.health.eventmq.enabled=false}; an application's own {@code eventmqHealthIndicator} or
 * {@code eventmqHealthContributor} bean replaces it. Actuator names a contributor after its bean, less the
 * suffix and case-sensitively: hence {@code eventmq}, not {@code eventMq}.
 */
@AutoConfiguration(after = {EventMqWorkerAutoConfiguration.class, EventMqRouterAutoConfiguration.class})
@ConditionalOnClass({HealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(WorkerService.class)
@ConditionalOnEnabledHealthIndicator("eventmq")
public final class EventMqHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = {"eventmqHealthIndicator", "eventmqHealthContributor"})
    HealthContributor eventmqHealthContributor(WorkerService worker, ObjectProvider<Router> router) {
        WorkerHealthIndicator workerHealth = new WorkerHealthIndicator(worker);
        Router embedded = router.getIfAvailable();
        if (embedded == null) {
            return workerHealth;
        }
        Map<String, HealthContributor> parts = new LinkedHashMap<>();
        parts.put("worker", workerHealth);
        parts.put("router", new RouterHealthIndicator(embedded));
        return CompositeHealthContributor.fromMap(parts);
    }
}
