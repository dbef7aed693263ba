package io.eventmq.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.eventmq.device.WorkerService;
import io.eventmq.router.Router;
import io.eventmq.scheduler.Scheduler;

/**
 * The {@code eventmq} health contributor: the worker's connection and heartbeats, and with a scheduler or an
 * embedded router a composite ({@code eventmq} → {@code worker}, {@code scheduler}, {@code router}). Off with
 * {@code management.health.eventmq.enabled=false}; an application's own {@code eventmqHealthIndicator} or
 * {@code eventmqHealthContributor} bean replaces it. Actuator names a contributor after its bean, less the
 * suffix and case-sensitively: hence {@code eventmq}, not {@code eventMq}.
 */
@AutoConfiguration(after = {EventMqWorkerAutoConfiguration.class, EventMqRouterAutoConfiguration.class,
        EventMqSchedulerAutoConfiguration.class})
@ConditionalOnClass({HealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@Conditional(EventMqHealthContributorAutoConfiguration.OnDevice.class)
@ConditionalOnEnabledHealthIndicator("eventmq")
public final class EventMqHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = {"eventmqHealthIndicator", "eventmqHealthContributor"})
    HealthContributor eventmqHealthContributor(ObjectProvider<WorkerService> worker, ObjectProvider<Router> router,
                                               ObjectProvider<Scheduler> scheduler, EventMqProperties properties) {
        Map<String, HealthContributor> parts = new LinkedHashMap<>();
        worker.ifAvailable(service -> parts.put("worker", ServiceHealthIndicator.of(service)));
        scheduler.ifAvailable(service -> parts.put("scheduler",
                new ServiceHealthIndicator(service::status, properties.getHeartbeat().toSettings())));
        router.ifAvailable(embedded -> parts.put("router", new RouterHealthIndicator(embedded)));
        return parts.size() == 1 ? parts.values().iterator().next() : CompositeHealthContributor.fromMap(parts);
    }

    /** A worker, a scheduler or an embedded router: something whose health to report. */
    static final class OnDevice extends AnyNestedCondition {

        OnDevice() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(WorkerService.class)
        static final class Worker {
        }

        @ConditionalOnBean(Scheduler.class)
        static final class SchedulerDevice {
        }

        @ConditionalOnBean(Router.class)
        static final class RouterDevice {
        }
    }
}
