package io.eventmq.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.eventmq.client.Client;
import io.eventmq.device.WorkerService;
import io.eventmq.router.Router;
import tools.jackson.databind.json.JsonMapper;

/** The {@code eventmq} actuator endpoint, when Actuator is present and the endpoint is enabled and exposed. */
@AutoConfiguration(after = {EventMqWorkerAutoConfiguration.class, EventMqRouterAutoConfiguration.class,
        EventMqClientAutoConfiguration.class},
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBooleanProperty(name = "eventmq.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(EventMqEndpoint.class)
public final class EventMqEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventMqEndpoint eventMqEndpoint(ObjectProvider<WorkerService> worker, ObjectProvider<Client> client,
                                    ObjectProvider<Router> router, ObjectProvider<JsonMapper> mapper) {
        return new EventMqEndpoint(worker.getIfAvailable(), client.getIfAvailable(), router.getIfAvailable(),
                mapper.getIfAvailable(JsonMapper::new));
    }
}
