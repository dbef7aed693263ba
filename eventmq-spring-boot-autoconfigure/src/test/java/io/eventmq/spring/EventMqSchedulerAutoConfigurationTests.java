package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.eventmq.router.Router;
import io.eventmq.scheduler.InMemoryScheduleStore;
import io.eventmq.scheduler.Schedule;
import io.eventmq.scheduler.ScheduleStore;
import io.eventmq.scheduler.Scheduler;

/** The scheduler: off by default, on the embedded router's frontend when enabled, its store replaceable. */
class EventMqSchedulerAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class, EventMqSchedulerAutoConfiguration.class));

    @Test
    void noSchedulerUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(Scheduler.class)
                .doesNotHaveBean(ScheduleStore.class));
    }

    @Test
    void anEnabledSchedulerRunsOnTheEmbeddedRoutersFrontendAndStopsWithTheContext() {
        Scheduler[] made = new Scheduler[1];
        runner.withPropertyValues("eventmq.scheduler.enabled=true", "eventmq.router.enabled=true")
                .withPropertyValues(EventMqRouterAutoConfigurationTests.EPHEMERAL)
                .run(context -> {
                    made[0] = context.getBean(Scheduler.class);
                    assertThat(context).hasSingleBean(InMemoryScheduleStore.class);
                    assertThat(made[0].isRunning()).isTrue();
                    assertThat(made[0].status().address())
                            .isEqualTo(context.getBean(Router.class).endpoints().frontend());
                });
        assertThat(made[0].isRunning()).as("stopped with the context").isFalse();
    }

    @Test
    void anApplicationsOwnStoreIsUsed() {
        runner.withPropertyValues("eventmq.scheduler.enabled=true", "eventmq.scheduler.address=tcp://127.0.0.1:5555")
                .withUserConfiguration(OwnStore.class)
                .run(context -> assertThat(context.getBean(ScheduleStore.class)).isInstanceOf(OwnStore.Empty.class));
    }

    @Test
    void aBadMaxSchedulesStopsTheStartupNamingTheProperty() {
        runner.withPropertyValues("eventmq.scheduler.enabled=true", "eventmq.scheduler.max-schedules=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("scheduler.max-schedules"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {

        static final class Empty implements ScheduleStore {

            @Override
            public List<Schedule> load() {
                return List.of();
            }

            @Override
            public void save(Schedule schedule) {
            }

            @Override
            public void remove(String id) {
            }
        }

        @Bean
        ScheduleStore ownStore() {
            return new Empty();
        }
    }
}
