package io.eventmq.client;

import java.time.Duration;
import java.util.Objects;

import io.eventmq.transport.SocketOptions;

/**
 * Where a {@link Client} connects and how long it waits for results.
 *
 * @param address        the router's frontend, e.g. {@code tcp://127.0.0.1:47291}
 * @param requestTimeout how long {@link Client#request} waits for a result before failing its future
 * @param socketOptions  options of the client's DEALER; its send high-water mark bounds the calls queued
 *                       while the router is away
 */
public record ClientSettings(String address, Duration requestTimeout, SocketOptions socketOptions) {

    /** The reference router's frontend on this host, results within 30 s. */
    public static final ClientSettings DEFAULTS =
            new ClientSettings("tcp://127.0.0.1:47291", Duration.ofSeconds(30), SocketOptions.DEFAULTS);

    public ClientSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(socketOptions, "socketOptions");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
    }

    public ClientSettings withAddress(String value) {
        return new ClientSettings(value, requestTimeout, socketOptions);
    }

    public ClientSettings withRequestTimeout(Duration value) {
        return new ClientSettings(address, value, socketOptions);
    }

    public ClientSettings withSocketOptions(SocketOptions value) {
        return new ClientSettings(address, requestTimeout, value);
    }
}
