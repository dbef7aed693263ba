package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.eventmq.client.Client;
import io.eventmq.router.Router;
import tools.jackson.databind.json.JsonMapper;

/** The client and EmqpTemplate: made by default, switched off, replaced, pointed at the embedded router. */
class EventMqClientAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class, EventMqClientAutoConfiguration.class));

    @Test
    void aClientAndTemplateOnTheReferencesFrontendByDefault() {
        Client[] made = new Client[1];
        runner.run(context -> {
            assertThat(context).hasSingleBean(Client.class).hasSingleBean(EmqpTemplate.class);
            made[0] = context.getBean(Client.class);
            assertThat(made[0].settings().address()).isEqualTo("tcp://127.0.0.1:47291");
            assertThat(made[0].isRunning()).isTrue();
        });
        assertThat(made[0].isRunning()).as("closed with the context").isFalse();
    }

    @Test
    void clientPropertiesReachTheClient() {
        runner.withPropertyValues("eventmq.client.address=tcp://127.0.0.1:5555", "eventmq.client.request-timeout=7s",
                "eventmq.client.max-awaiting-results=12", "eventmq.socket.send-high-water-mark=33",
                "eventmq.client.receipt-timeout=0s").run(context -> {
                    Client client = context.getBean(Client.class);
                    assertThat(client.settings().address()).isEqualTo("tcp://127.0.0.1:5555");
                    assertThat(client.settings().requestTimeout()).hasSeconds(7);
                    assertThat(client.settings().maxAwaitingResults()).isEqualTo(12);
                    assertThat(client.settings().receiptTimeout()).isZero();
                    assertThat(client.settings().socketOptions().sendHighWaterMark()).isEqualTo(33);
                });
    }

    @Test
    void theClientConnectsToTheEmbeddedRouterWhenNoAddressIsSet() {
        runner.withPropertyValues("eventmq.router.enabled=true")
                .withPropertyValues(EventMqRouterAutoConfigurationTests.EPHEMERAL)
                .run(context -> assertThat(context.getBean(Client.class).settings().address())
                        .isEqualTo(context.getBean(Router.class).endpoints().frontend()));
    }

    @Test
    void clientEnabledFalseMakesNeither() {
        runner.withPropertyValues("eventmq.client.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(Client.class).doesNotHaveBean(EmqpTemplate.class));
    }

    @Test
    void anApplicationsOwnTemplateReplacesOurs() {
        runner.withUserConfiguration(OwnTemplate.class).run(context -> assertThat(context)
                .getBean(EmqpTemplate.class).isInstanceOf(OwnTemplate.Custom.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTemplate {

        static class Custom extends EmqpTemplate {
            Custom(Client client) {
                super(client, new JsonMapper());
            }
        }

        @Bean
        EmqpTemplate ownTemplate(Client client) {
            return new Custom(client);
        }
    }
}
