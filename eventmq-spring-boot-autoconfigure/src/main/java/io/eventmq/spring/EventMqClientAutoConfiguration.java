package io.eventmq.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.router.Router;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client and the {@link EmqpTemplate} that application code sends jobs with. The client connects when it
 * is made (ZeroMQ connects in the background and holds early calls), so the template works in any bean's
 * initialization; it closes after the web server stops taking requests.
 */
@AutoConfiguration(after = {EventMqAutoConfiguration.class, EventMqRouterAutoConfiguration.class},
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnBooleanProperty(name = "eventmq.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "eventmq.client.enabled", matchIfMissing = true)
public final class EventMqClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Client eventMqClient(ZContext context, EventMqProperties properties, ObjectProvider<Router> router) {
        EventMqProperties.Client config = properties.getClient();
        String address = RouterAddress.FRONTEND.resolve(config.getAddress(), router);
        Client client = new Client(context, new ClientSettings(address, config.getRequestTimeout(),
                properties.peerSocketOptions(), config.getMaxAwaitingResults(), config.getReceiptTimeout()));
        client.start();
        return client;
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventMqClientLifecycle")
    DeviceLifecycle eventMqClientLifecycle(Client client) {
        return new DeviceLifecycle(DeviceLifecycle.CLIENT_PHASE, client::start, client::stopAsync,
                client::isRunning);
    }

    @Bean
    @ConditionalOnMissingBean
    EmqpTemplate emqpTemplate(Client client, ObjectProvider<JsonMapper> mapper, EventMqProperties properties,
                              ObjectProvider<ObservationRegistry> observations,
                              ObjectProvider<EmqpRequestObservationConvention> convention) {
        EmqpTemplate template = new EmqpTemplate(client, mapper.getIfAvailable(JsonMapper::new));
        if (properties.getObservation().isEnabled()) {
            observations.ifAvailable(template::setObservationRegistry);
            convention.ifAvailable(template::setObservationConvention);
        }
        return template;
    }
}
