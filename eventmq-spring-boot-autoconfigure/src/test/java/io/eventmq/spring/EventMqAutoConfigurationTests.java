package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZContext;

import io.eventmq.transport.IoScheduling;

/** The shared ZeroMQ context and the eventmq.* properties: defaults, switches, replacement, validation. */
class EventMqAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class));

    @Test
    void makesOneContextAndClosesIt() {
        ZContext[] made = new ZContext[1];
        runner.run(context -> {
            assertThat(context).hasSingleBean(ZContext.class).hasSingleBean(EventMqProperties.class);
            made[0] = context.getBean(ZContext.class);
            assertThat(made[0].isClosed()).isFalse();
        });
        assertThat(made[0].isClosed()).as("closed with the application context").isTrue();
    }

    @Test
    void enabledFalseSwitchesEverythingOff() {
        runner.withPropertyValues("eventmq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ZContext.class)
                        .doesNotHaveBean(EventMqProperties.class));
    }

    @Test
    void anApplicationsOwnContextReplacesOurs() {
        runner.withUserConfiguration(OwnContext.class).run(context -> assertThat(context.getBean(ZContext.class))
                .isSameAs(context.getBean(OwnContext.class).context));
    }

    @Test
    void defaultsAreTheReferences() {
        runner.run(context -> {
            EventMqProperties properties = context.getBean(EventMqProperties.class);
            assertThat(properties.getRouter().getFrontend()).isEqualTo("tcp://127.0.0.1:47291");
            assertThat(properties.getRouter().getBackend()).isEqualTo("tcp://127.0.0.1:47290");
            assertThat(properties.getRouter().getAdmin()).isEqualTo("tcp://127.0.0.1:47293");
            assertThat(properties.getHeartbeat().toSettings())
                    .isEqualTo(io.eventmq.heartbeat.HeartbeatSettings.DEFAULTS);
            assertThat(properties.getSocket().getMaxMessageSize().toMegabytes()).isEqualTo(1);
            assertThat(properties.getWorker().getConcurrency()).isEqualTo(4);
        });
    }

    @Test
    void eachInvalidValueStopsStartupNamingItsProperty() {
        String[][] invalid = {
                {"eventmq.worker.concurrency=0", "eventmq.worker.concurrency", "must be 1 or more"},
                {"eventmq.heartbeat.interval=-3s", "eventmq.heartbeat.interval", "must be positive"},
                {"eventmq.heartbeat.liveness=0", "eventmq.heartbeat.liveness", "must be 1 or more"},
                {"eventmq.worker.address=localhost:47290", "eventmq.worker.address", "must be an endpoint"},
                {"eventmq.client.address=tcp://127.0.0.1:*", "eventmq.client.address", "must be an endpoint"},
                {"eventmq.router.backend=tcp://127.0.0.1:99999", "eventmq.router.backend", "port above 65535"},
                {"eventmq.socket.max-message-size=0B", "eventmq.socket.max-message-size", "1B or more"},
                {"eventmq.worker.grace-period=-1s", "eventmq.worker.grace-period", "must not be negative"},
                {"eventmq.client.request-timeout=0s", "eventmq.client.request-timeout", "must be positive"},
                {"eventmq.router.waiting-expiry=0s", "eventmq.router.waiting-expiry", "must be positive"},
                {"eventmq.client.receipt-timeout=-1s", "eventmq.client.receipt-timeout", "must not be negative"},
                {"eventmq.router.per-client-share=1.5", "eventmq.router.per-client-share", "at most 1"},
                {"eventmq.router.receipt-delay=-1ms", "eventmq.router.receipt-delay", "must not be negative"},
        };
        for (String[] value : invalid) {
            runner.withPropertyValues(value[0]).run(context -> {
                assertThat(context).hasFailed();
                String report = FailureReports.of(context.getStartupFailure());
                assertThat(report).as(value[0]).contains(value[1]).contains(value[2]);
            });
        }
    }

    @Test
    void ioSchedulingIsBatchUnlessSetToDefault() {
        runner.run(context -> assertThat(context.getBean(EventMqProperties.class).getIo().getScheduling())
                .isEqualTo(IoScheduling.BATCH));
        runner.withPropertyValues("eventmq.io.scheduling=default").run(context -> assertThat(
                IoScheduling.adopt(context.getBean(ZContext.class))).as("the context's I/O threads and its devices'")
                .isEqualTo(IoScheduling.DEFAULT));
        runner.withPropertyValues("eventmq.io.scheduling=fifo").run(context -> assertThat(
                FailureReports.of(context.getStartupFailure())).contains("eventmq.io.scheduling").contains("fifo"));
    }

    @Test
    void duplicateQueueNamesAndNegativeWeightsAreRefused() {
        runner.withPropertyValues("eventmq.worker.queues[0].name=email", "eventmq.worker.queues[1].name=email",
                "eventmq.worker.queues[1].weight=-1").run(context -> {
                    String report = FailureReports.of(context.getStartupFailure());
                    assertThat(report).contains("eventmq.worker.queues[1].name").contains("listed twice")
                            .contains("eventmq.worker.queues[1].weight");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnContext {

        final ZContext context = new ZContext();

        @Bean(destroyMethod = "close")
        ZContext ownZContext() {
            return context;
        }
    }
}
