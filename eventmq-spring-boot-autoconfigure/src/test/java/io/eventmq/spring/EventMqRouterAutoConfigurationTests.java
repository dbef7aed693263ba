package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZContext;

import io.eventmq.router.Router;
import io.eventmq.router.RouterSettings;

/** The embedded router: off unless asked for, on free ports with the ports published, stopped on close. */
class EventMqRouterAutoConfigurationTests {

    static final String[] EPHEMERAL = {"eventmq.router.frontend=tcp://127.0.0.1:*",
            "eventmq.router.backend=tcp://127.0.0.1:*", "eventmq.router.admin=tcp://127.0.0.1:*"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class));

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(Router.class));
    }

    @Test
    void bindsFreePortsPublishesThemAndStopsOnClose() {
        Router[] made = new Router[1];
        runner.withPropertyValues("eventmq.router.enabled=true").withPropertyValues(EPHEMERAL).run(context -> {
            Router router = context.getBean(Router.class);
            made[0] = router;
            assertThat(router.isRunning()).isTrue();
            assertThat(router.endpoints().backend())
                    .endsWith(":" + context.getEnvironment().getProperty("local.eventmq.router.backend-port"));
            assertThat(router.endpoints().frontend())
                    .endsWith(":" + context.getEnvironment().getProperty("local.eventmq.router.frontend-port"));
            assertThat(router.endpoints().admin())
                    .endsWith(":" + context.getEnvironment().getProperty("local.eventmq.router.admin-port"));
        });
        assertThat(made[0].isRunning()).isFalse();
    }

    @Test
    void routerPropertiesReachTheRouter() {
        runner.withPropertyValues("eventmq.router.enabled=true", "eventmq.router.queue-high-water-mark=7",
                "eventmq.router.pending-result-limit=9", "eventmq.router.pending-result-expiry=1m",
                "eventmq.router.waiting-expiry=2m", "eventmq.router.per-client-share=0.25",
                "eventmq.router.receipt-delay=0",
                "eventmq.heartbeat.enabled=false", "eventmq.socket.linger=250ms").withPropertyValues(EPHEMERAL)
                .run(context -> {
                    RouterSettings settings = context.getBean(Router.class).settings();
                    assertThat(settings.queueHighWaterMark()).isEqualTo(7);
                    assertThat(settings.pendingResultLimit()).isEqualTo(9);
                    assertThat(settings.pendingResultExpiry()).hasMinutes(1);
                    assertThat(settings.waitingExpiry()).hasMinutes(2);
                    assertThat(settings.perClientShare()).isEqualTo(0.25);
                    assertThat(settings.receiptDelay()).isZero();
                    assertThat(settings.heartbeat().enabled()).isFalse();
                    assertThat(settings.socketOptions().linger()).hasMillis(250);
                });
    }

    @Test
    void anAddressInUseStopsStartupNamingTheProperty() {
        try (ZContext zmq = new ZContext(); Router other = new Router(zmq, RouterSettings.DEFAULTS
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*"))) {
            String taken = other.start().backend();
            runner.withPropertyValues("eventmq.router.enabled=true").withPropertyValues(EPHEMERAL)
                    .withPropertyValues("eventmq.router.backend=" + taken).run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(FailureReports.of(context.getStartupFailure()))
                                .contains("eventmq.router.backend").contains(taken).contains("cannot bind");
                    });
        }
    }

    @Test
    void anApplicationsOwnRouterReplacesOursAndIsStartedAndStoppedWithTheContext() {
        Router[] made = new Router[1];
        runner.withPropertyValues("eventmq.router.enabled=true").withUserConfiguration(OwnRouter.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(Router.class);
                    made[0] = context.getBean(Router.class);
                    assertThat(made[0].endpoints()).as("started by the lifecycle").isNotNull();
                    assertThat(made[0].isRunning()).isTrue();
                });
        assertThat(made[0].isRunning()).isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRouter {

        @Bean
        Router ownRouter(ZContext context) {
            return new Router(context, RouterSettings.DEFAULTS
                    .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*"));
        }
    }
}
