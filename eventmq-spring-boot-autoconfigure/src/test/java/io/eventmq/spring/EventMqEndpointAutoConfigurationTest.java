package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.eventmq.device.ServiceState;

/** When the {@code eventmq} endpoint exists, and what it reports. */
class EventMqEndpointAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class, EventMqWorkerAutoConfiguration.class,
                    EventMqClientAutoConfiguration.class, EventMqEndpointAutoConfiguration.class))
            .withBean(TestJobs.class)
            .withPropertyValues("eventmq.socket.linger=0", "eventmq.router.enabled=true",
                    "eventmq.router.frontend=tcp://127.0.0.1:*", "eventmq.router.backend=tcp://127.0.0.1:*",
                    "eventmq.router.admin=tcp://127.0.0.1:*");

    @Test
    void reportsWorkerClientAndTheRoutersAdminJsonWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=eventmq").run(context -> {
            EventMqEndpoint endpoint = context.getBean(EventMqEndpoint.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> endpoint.report().worker().state() == ServiceState.CONNECTED);

            EventMqEndpoint.Report report = endpoint.report();
            assertThat(report.worker().slots()).isEqualTo(4);
            assertThat(report.worker().failure()).isNull();
            assertThat(report.client().running()).isTrue();
            assertThat(report.router().running()).isTrue();
            assertThat(report.router().status().has("waiting_messages_by_queue")).isTrue();
            assertThat(report.router().workers().get("connected_workers").has(report.worker().identity()))
                    .isTrue();
            assertThat(report.router().schedulers().isObject()).isTrue();
        });
    }

    @Test
    void absentWhenNotExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(EventMqEndpoint.class));
    }

    @Test
    void absentWithoutActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=eventmq")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EventMqEndpoint.class));
    }
}
