package io.eventmq.spring;

import io.eventmq.client.Client;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The client's meters, read from {@link Client#status()} when the registry asks. */
final class ClientMetrics {

    ClientMetrics(MeterRegistry registry, Client client) {
        Gauge.builder("eventmq.client.awaiting", client, c -> c.status().awaitingResults())
                .description("REQUESTs sent whose result has not come yet").register(registry);
        FunctionCounter.builder("eventmq.client.sent", client, c -> c.status().sent())
                .description("Messages the client sent to the router").register(registry);
        FunctionCounter.builder("eventmq.client.resent", client, c -> c.status().resent())
                .description("Unconfirmed REQUESTs sent again after the connection to the router closed")
                .register(registry);
        FunctionCounter.builder("eventmq.client.timeouts", client, c -> c.status().timedOut())
                .description("REQUESTs whose result did not come within the request timeout, or lost with the "
                        + "router (RouterLostException)").register(registry);
        FunctionCounter.builder("eventmq.client.invalid", client, c -> c.status().invalidMessages())
                .description("Messages from the router the client dropped as malformed or unknown")
                .register(registry);
    }
}
