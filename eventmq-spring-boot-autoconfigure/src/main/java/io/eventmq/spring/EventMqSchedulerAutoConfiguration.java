package io.eventmq.spring;

import java.time.InstantSource;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZContext;

import io.eventmq.device.ServiceListener;
import io.eventmq.device.ServiceSettings;
import io.eventmq.router.Router;
import io.eventmq.scheduler.InMemoryScheduleStore;
import io.eventmq.scheduler.ScheduleStore;
import io.eventmq.scheduler.Scheduler;
import io.eventmq.scheduler.SchedulerSettings;

/**
 * A scheduler inside the application ({@code eventmq.scheduler.enabled=true}): it connects to the router's
 * frontend (the embedded router's when one runs), keeps the schedules clients send in a {@link ScheduleStore}
 * (in memory unless the application gives one) and sends their jobs when due. Cron is read in
 * {@code eventmq.scheduler.zone}. It starts after the router and stops before it.
 */
@AutoConfiguration(after = {EventMqAutoConfiguration.class, EventMqRouterAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "eventmq.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("eventmq.scheduler.enabled")
public final class EventMqSchedulerAutoConfiguration {

    /** {@code eventmq.scheduler.store=jdbc}: the schedules in the application's DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.core.simple.JdbcClient")
    @ConditionalOnProperty(name = "eventmq.scheduler.store", havingValue = "jdbc")
    static class JdbcStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ScheduleStore eventMqScheduleStore(ObjectProvider<DataSource> dataSource) {
            DataSource database = dataSource.getIfUnique();
            if (database == null) {
                throw new EventMqConfigurationException("eventmq.scheduler.store", "jdbc",
                        "needs one DataSource bean (add spring-boot-starter-jdbc and a database driver)", null);
            }
            return new JdbcScheduleStore(database);
        }
    }

    /** {@code eventmq.scheduler.store=jdbc} without spring-jdbc: a clear failure, not schedules kept in memory. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.jdbc.core.simple.JdbcClient")
    @ConditionalOnProperty(name = "eventmq.scheduler.store", havingValue = "jdbc")
    static class NoJdbcConfiguration {

        @Bean
        ScheduleStore eventMqScheduleStore() {
            throw new EventMqConfigurationException("eventmq.scheduler.store", "jdbc",
                    "needs spring-jdbc (add spring-boot-starter-jdbc and a database driver)", null);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ScheduleStore eventMqScheduleStore() {
        return new InMemoryScheduleStore();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Scheduler eventMqScheduler(ZContext context, EventMqProperties properties, ObjectProvider<Router> router,
                               ScheduleStore store) {
        EventMqProperties.Scheduler config = properties.getScheduler();
        String address = RouterAddress.FRONTEND.resolve(config.getAddress(), router);
        ServiceSettings service = SchedulerSettings.DEFAULTS.service().withAddress(address)
                .withHeartbeat(properties.getHeartbeat().toSettings())
                .withSocket(properties.peerSocketOptions());
        SchedulerSettings settings = new SchedulerSettings(service, config.getZone(), config.getMaxSchedules());
        return new Scheduler(context, settings, store, InstantSource.system(), System::nanoTime,
                ServiceListener.NONE);
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventMqSchedulerLifecycle")
    DeviceLifecycle eventMqSchedulerLifecycle(Scheduler scheduler) {
        return new DeviceLifecycle(DeviceLifecycle.SCHEDULER_PHASE, scheduler::start, scheduler::stopAsync,
                scheduler::isRunning);
    }
}
