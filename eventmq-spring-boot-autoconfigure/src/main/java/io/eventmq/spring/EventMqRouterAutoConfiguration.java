package io.eventmq.spring;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.zeromq.ZContext;

import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterListener;
import io.eventmq.router.RouterListeners;
import io.eventmq.router.RouterSettings;

/**
 * An EventMQ router inside the application ({@code eventmq.router.enabled=true}). It binds when the bean is
 * made, so the worker and the client of the same application can connect to the ports it picked, and the
 * ports are published as {@code local.eventmq.router.frontend-port}, {@code backend-port} and
 * {@code admin-port}. It stops after the worker and the client.
 */
@AutoConfiguration(after = EventMqAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "eventmq.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("eventmq.router.enabled")
public final class EventMqRouterAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Router eventMqRouter(ZContext context, EventMqProperties properties, ObjectProvider<RouterListener> listeners,
                         ConfigurableEnvironment environment) {
        EventMqProperties.Router config = properties.getRouter();
        RouterSettings settings = RouterSettings.DEFAULTS
                .withAddresses(config.getFrontend(), config.getBackend(), config.getAdmin())
                .withHeartbeat(properties.getHeartbeat().toSettings())
                .withQueueHighWaterMark(config.getQueueHighWaterMark())
                .withPendingResults(config.getPendingResultExpiry(), config.getPendingResultLimit())
                .withWaitingExpiry(config.getWaitingExpiry())
                .withPerClientShare(config.getPerClientShare())
                .withReceiptDelay(config.getReceiptDelay())
                .withSocketOptions(properties.routerSocketOptions());
        Router router = new Router(context, settings, RouterListeners.of(listeners.orderedStream().toList()));
        RouterEndpoints endpoints;
        try {
            endpoints = router.start();
        } catch (IllegalArgumentException e) {
            throw new EventMqConfigurationException(propertyOf(e.getMessage(), config), addressOf(e.getMessage(),
                    config), "cannot bind: " + e.getMessage(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("eventmq.router.ports", Map.of(
                "local.eventmq.router.frontend-port", port(endpoints.frontend()),
                "local.eventmq.router.backend-port", port(endpoints.backend()),
                "local.eventmq.router.admin-port", port(endpoints.admin()))));
        return router;
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventMqRouterLifecycle")
    DeviceLifecycle eventMqRouterLifecycle(Router router) {
        return new DeviceLifecycle(DeviceLifecycle.ROUTER_PHASE, router::start, router::stopAsync,
                router::isRunning);
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    /** The property whose address the bind error names; the router binds frontend, backend, admin in turn. */
    private static String propertyOf(String message, EventMqProperties.Router config) {
        if (message != null && message.contains(config.getBackend())) {
            return "eventmq.router.backend";
        }
        if (message != null && message.contains(config.getAdmin())) {
            return "eventmq.router.admin";
        }
        return "eventmq.router.frontend";
    }

    private static String addressOf(String message, EventMqProperties.Router config) {
        return switch (propertyOf(message, config)) {
            case "eventmq.router.backend" -> config.getBackend();
            case "eventmq.router.admin" -> config.getAdmin();
            default -> config.getFrontend();
        };
    }
}
