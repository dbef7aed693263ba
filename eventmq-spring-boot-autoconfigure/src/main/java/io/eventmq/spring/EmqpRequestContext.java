package io.eventmq.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.SenderContext;

/** What an {@link EmqpObservation#REQUEST} observes; a tracer puts its context in the carrier to be sent along. */
public class EmqpRequestContext extends SenderContext<Map<String, String>> {

    private final String queue;

    public EmqpRequestContext(String queue) {
        super((carrier, key, value) -> carrier.put(key, value));
        this.queue = queue;
        setCarrier(new LinkedHashMap<>());
    }

    public String getQueue() {
        return queue;
    }
}
