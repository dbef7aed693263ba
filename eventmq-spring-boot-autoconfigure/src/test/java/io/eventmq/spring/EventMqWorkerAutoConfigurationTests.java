package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.messaging.handler.annotation.Header;
import org.zeromq.ZContext;

import io.eventmq.device.ServiceSettings;
import io.eventmq.device.ServiceState;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatMonitor;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.transport.EmqpSocket;
import io.eventmq.transport.Poller;

/**
 * The worker: made only for @EmqpHandler methods, from properties, with its socket, poller and heartbeat as
 * beans; handlers found on plain beans and through CGLIB and JDK proxies; conflicts named at startup.
 */
class EventMqWorkerAutoConfigurationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class, EventMqWorkerAutoConfiguration.class,
                    EventMqClientAutoConfiguration.class))
            .withPropertyValues("eventmq.router.enabled=true")
            .withPropertyValues(EventMqRouterAutoConfigurationTests.EPHEMERAL);

    @Test
    void noHandlerNoWorker() {
        runner.run(context -> assertThat(context).doesNotHaveBean(WorkerService.class)
                .doesNotHaveBean(EmqpSocket.class).doesNotHaveBean(Poller.class)
                .doesNotHaveBean(HeartbeatMonitor.class).hasSingleBean(EmqpTemplate.class));
    }

    @Test
    void aHandlerGetsAWorkerWithItsPartsAsBeansConnectedToTheEmbeddedRouter() {
        runner.withUserConfiguration(EmailHandler.class).run(context -> {
            WorkerService worker = context.getBean(WorkerService.class);
            assertThat(context).hasSingleBean(EmqpSocket.class).hasSingleBean(Poller.class)
                    .hasSingleBean(HeartbeatMonitor.class);
            assertThat(worker.heartbeat()).isSameAs(context.getBean(HeartbeatMonitor.class));
            assertThat(worker.settings().queues()).as("the handlers' queues, then default").containsExactly(
                    new WeightedQueue(10, "email"), new WeightedQueue(10, "default"));
            assertThat(worker.settings().address())
                    .isEqualTo(context.getBean(io.eventmq.router.Router.class).endpoints().backend());
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> worker.state() == ServiceState.CONNECTED);
            assertThat(worker.status().identity()).isEqualTo(context.getBean(EmqpSocket.class).identity());
            assertThat(context.getBean(EmqpTemplate.class).request("email", "ada", String.class))
                    .succeedsWithin(WAIT).isEqualTo("mailed ada");
        });
    }

    @Test
    void aHandlerOnABeanMethodCountsToo() {
        runner.withUserConfiguration(HandlerAsBean.class)
                .run(context -> assertThat(context).hasSingleBean(WorkerService.class));
    }

    @Test
    void workerPropertiesReachTheWorker() {
        runner.withUserConfiguration(EmailHandler.class).withPropertyValues("eventmq.worker.concurrency=2",
                "eventmq.worker.queues[0].name=email", "eventmq.worker.queues[0].weight=30",
                "eventmq.worker.queues[1].name=default", "eventmq.worker.address=tcp://127.0.0.1:6001",
                "eventmq.worker.failover-address=tcp://127.0.0.1:6002", "eventmq.worker.reconnect-timeout=2s",
                "eventmq.worker.grace-period=3s", "eventmq.heartbeat.interval=1s", "eventmq.heartbeat.timeout=2s",
                "eventmq.heartbeat.liveness=4", "eventmq.socket.linger=0s", "eventmq.socket.max-message-size=64KB",
                "eventmq.socket.handshake-interval=500ms").run(context -> {
                    ServiceSettings settings = context.getBean(WorkerService.class).settings();
                    assertThat(settings.concurrency()).isEqualTo(2);
                    assertThat(settings.queues()).containsExactly(new WeightedQueue(30, "email"),
                            new WeightedQueue(10, "default"));
                    assertThat(settings.address()).isEqualTo("tcp://127.0.0.1:6001");
                    assertThat(settings.failoverAddress()).isEqualTo("tcp://127.0.0.1:6002");
                    assertThat(settings.reconnectTimeout()).hasSeconds(2);
                    assertThat(settings.gracePeriod()).hasSeconds(3);
                    assertThat(settings.heartbeat().interval()).hasSeconds(1);
                    assertThat(settings.heartbeat().timeout()).hasSeconds(2);
                    assertThat(settings.heartbeat().liveness()).isEqualTo(4);
                    assertThat(settings.socket().linger()).isZero();
                    assertThat(settings.socket().maxMessageSize()).isEqualTo(64 * 1024);
                    assertThat(settings.socket().handshakeInterval()).hasMillis(500);
                });
    }

    @Test
    void workerEnabledFalseMakesNoWorker() {
        runner.withUserConfiguration(EmailHandler.class).withPropertyValues("eventmq.worker.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WorkerService.class)
                        .doesNotHaveBean(EmqpSocket.class));
    }

    @Test
    void anApplicationsOwnSocketPollerAndHeartbeatAreTheWorkers() {
        runner.withUserConfiguration(EmailHandler.class, OwnParts.class).run(context -> {
            WorkerService worker = context.getBean(WorkerService.class);
            assertThat(worker.heartbeat()).isSameAs(context.getBean(OwnParts.class).heartbeat);
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> worker.state() == ServiceState.CONNECTED);
            assertThat(worker.status().identity()).isEqualTo(context.getBean(OwnParts.class).socket.identity());
        });
    }

    @Test
    void socketCustomizersSeeEveryWorkerSocket() {
        AtomicInteger customized = new AtomicInteger();
        runner.withUserConfiguration(EmailHandler.class)
                .withBean(EventMqSocketCustomizer.class, () -> socket -> customized.incrementAndGet())
                .run(context -> assertThat(customized).hasValue(1));
    }

    @Test
    void handlersAreFoundOnCglibAndJdkProxiesAndCalledThroughThem() {
        runner.withUserConfiguration(EmailHandler.class, ProxiedHandlers.class).run(context -> {
            EmqpTemplate template = context.getBean(EmqpTemplate.class);
            ProxiedHandlers proxies = context.getBean(ProxiedHandlers.class);
            assertThat(template.call("default", "jobs", "cglib", List.of(2), Map.of(), Integer.class))
                    .succeedsWithin(WAIT).isEqualTo(4);
            assertThat(template.call("default", "jobs", "jdk", List.of("x"), Map.of(), String.class))
                    .succeedsWithin(WAIT).isEqualTo("jdk x");
            assertThat(proxies.intercepted).as("both calls went through the proxies").hasValue(2);
        });
    }

    @Test
    void twoHandlersForOneJobStopStartupNamingBoth() {
        runner.withUserConfiguration(EmailHandler.class, SecondEmailHandler.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(cause(context)).hasMessageContaining("queue \"email\"")
                    .hasMessageContaining(EmailHandler.class.getName() + ".email()")
                    .hasMessageContaining(SecondEmailHandler.class.getName() + ".email()");
        });
    }

    @Test
    void aParameterNothingCanGiveStopsStartupNamingIt() {
        runner.withUserConfiguration(UnknownHeader.class).run(context -> assertThat(cause(context))
               .hasMessageContaining("Parameter 1 (priority)")
                .hasMessageContaining(UnknownHeader.class.getName() + ".run()")
                .hasMessageContaining("no header \"priority\""));
        runner.withUserConfiguration(TwoPayloads.class).run(context -> assertThat(cause(context))
               .hasMessageContaining("Parameter 1 (second)")
                .hasMessageContaining("the payload already goes to parameter first"));
    }

    private static Throwable cause(AssertableApplicationContext context) {
        return NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
    }

    static class EmailHandler {

        @EmqpHandler(queue = "email")
        String email(String to) {
            return "mailed " + to;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HandlerAsBean {

        @Bean
        EmailHandler emailHandler() {
            return new EmailHandler();
        }
    }

    static class SecondEmailHandler {

        @EmqpHandler(queue = "email")
        String email(String to) {
            return "again " + to;
        }
    }

    static class UnknownHeader {

        @EmqpHandler(queue = "jobs")
        void run(String payload, @Header("priority") String priority) {
        }
    }

    static class TwoPayloads {

        @EmqpHandler(queue = "jobs")
        void run(String first, String second) {
        }
    }

    public interface Greeter {

        String greet(String name);
    }

    static class JdkGreeter implements Greeter {

        @Override
        @EmqpHandler(path = "jobs", callable = "jdk")
        public String greet(String name) {
            return "jdk " + name;
        }
    }

    static class Doubler {

        @EmqpHandler(path = "jobs", callable = "cglib")
        public int twice(int value) {
            return value * 2;
        }
    }

    /** Wraps the two handler beans in proxies, as @Transactional would: one by class, one by interface. */
    @Configuration(proxyBeanMethods = false)
    static class ProxiedHandlers {

        final AtomicInteger intercepted = new AtomicInteger();

        @Bean
        Doubler doubler() {
            return new Doubler();
        }

        @Bean
        JdkGreeter greeter() {
            return new JdkGreeter();
        }

        @Bean
        static BeanPostProcessor proxies(org.springframework.beans.factory.ObjectProvider<ProxiedHandlers> owner) {
            return new OrderedProxies(owner);
        }
    }

    static final class OrderedProxies implements BeanPostProcessor, Ordered {

        private final org.springframework.beans.factory.ObjectProvider<ProxiedHandlers> owner;

        OrderedProxies(org.springframework.beans.factory.ObjectProvider<ProxiedHandlers> owner) {
            this.owner = owner;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof Doubler) && !(bean instanceof JdkGreeter)) {
                return bean;
            }
            ProxyFactory factory = new ProxyFactory(bean);
            factory.setProxyTargetClass(bean instanceof Doubler);
            factory.addAdvice((MethodInterceptor) invocation -> {
                owner.getObject().intercepted.incrementAndGet();
                return invocation.proceed();
            });
            return factory.getProxy();
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnParts {

        HeartbeatMonitor heartbeat;
        EmqpSocket socket;

        @Bean
        HeartbeatMonitor ownHeartbeat(ServiceSettings settings) {
            heartbeat = new HeartbeatMonitor(InstantSource.system(), settings.heartbeat());
            return heartbeat;
        }

        @Bean(destroyMethod = "close")
        EmqpSocket ownSocket(ZContext context, ServiceSettings settings) {
            socket = EmqpSocket.dealer(context, settings.socket());
            return socket;
        }

        @Bean(destroyMethod = "close")
        Poller ownPoller() {
            return new Poller();
        }
    }
}
