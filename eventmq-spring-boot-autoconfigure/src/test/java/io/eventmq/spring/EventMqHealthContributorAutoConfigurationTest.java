package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the {@code eventmq} health contributor exists, and what it is made of. */
class EventMqHealthContributorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class, EventMqWorkerAutoConfiguration.class,
                    EventMqSchedulerAutoConfiguration.class, EventMqHealthContributorAutoConfiguration.class))
            .withPropertyValues("eventmq.client.enabled=false", "eventmq.socket.linger=0");

    private final ApplicationContextRunner withWorker = runner.withBean(TestJobs.class)
            .withPropertyValues("eventmq.worker.address=tcp://127.0.0.1:1");

    @Test
    void aWorkerAloneIsTheContributor() {
        withWorker.run(context -> assertThat(context.getBean("eventmqHealthContributor"))
                .isInstanceOf(ServiceHealthIndicator.class));
    }

    @Test
    void anEmbeddedRouterMakesACompositeOfWorkerAndRouter() {
        runner.withBean(TestJobs.class).withPropertyValues("eventmq.router.enabled=true",
                "eventmq.router.frontend=tcp://127.0.0.1:*", "eventmq.router.backend=tcp://127.0.0.1:*",
                "eventmq.router.admin=tcp://127.0.0.1:*").run(context -> {
                    CompositeHealthContributor composite = context.getBean("eventmqHealthContributor",
                            CompositeHealthContributor.class);
                    assertThat(composite.getContributor("worker")).isInstanceOf(ServiceHealthIndicator.class);
                    HealthContributor router = composite.getContributor("router");
                    assertThat(router).isInstanceOf(RouterHealthIndicator.class);
                    assertThat(((HealthIndicator) router).health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void aSchedulerAndARouterWithoutAWorkerAreTheComposite() {
        runner.withPropertyValues("eventmq.router.enabled=true", "eventmq.scheduler.enabled=true",
                "eventmq.router.frontend=tcp://127.0.0.1:*", "eventmq.router.backend=tcp://127.0.0.1:*",
                "eventmq.router.admin=tcp://127.0.0.1:*").run(context -> {
                    CompositeHealthContributor composite = context.getBean("eventmqHealthContributor",
                            CompositeHealthContributor.class);
                    assertThat(composite.getContributor("worker")).isNull();
                    assertThat(composite.getContributor("scheduler")).isInstanceOf(ServiceHealthIndicator.class);
                    assertThat(composite.getContributor("router")).isInstanceOf(RouterHealthIndicator.class);
                });
    }

    @Test
    void noWorkerNoContributor() {
        runner.run(context -> assertThat(context).doesNotHaveBean("eventmqHealthContributor"));
    }

    @Test
    void withoutSpringBootHealthNoContributor() {
        withWorker.withClassLoader(new FilteredClassLoader(HealthContributor.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("eventmqHealthContributor"));
    }

    @Test
    void disabledByManagementHealthEventMqEnabled() {
        withWorker.withPropertyValues("management.health.eventmq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("eventmqHealthContributor"));
    }

    @Test
    void anApplicationsOwnEventmqHealthIndicatorReplacesIt() {
        HealthIndicator own = () -> Health.up().build();
        withWorker.withBean("eventmqHealthIndicator", HealthIndicator.class, () -> own)
                .run(context -> assertThat(context).doesNotHaveBean("eventmqHealthContributor")
                        .getBean("eventmqHealthIndicator").isSameAs(own));
    }
}
