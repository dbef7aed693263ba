package io.eventmq.client;

import java.time.Duration;
import java.util.Objects;

import io.eventmq.transport.SocketOptions;

/**
 * Where a {@link Client} connects and how long it waits for results.
 *
 * @param address        the router's frontend, e.g. {@code tcp://127.0.0.1:47291}
 * @param requestTimeout how long {@link Client#request} waits for a result before failing its future
 * @param socketOptions      options of the client's DEALER; its send high-water mark bounds the calls queued
 *                           while the router is away
 * @param maxAwaitingResults REQUESTs that may await their results at once; a request beyond fails at once
 */
public record ClientSettings(String address, Duration requestTimeout, SocketOptions socketOptions,
                             int maxAwaitingResults) {

    /** The reference router's frontend on this host, results within 30 s, at most 10,000 awaited. */
    public static final ClientSettings DEFAULTS =
            new ClientSettings("tcp://127.0.0.1:47291", Duration.ofSeconds(30), SocketOptions.DEFAULTS, 10_000);

    public ClientSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(socketOptions, "socketOptions");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        if (maxAwaitingResults < 1) {
            throw new IllegalArgumentException("maxAwaitingResults must be 1 or more, was " + maxAwaitingResults);
        }
    }

    public ClientSettings withAddress(String value) {
        return new ClientSettings(value, requestTimeout, socketOptions, maxAwaitingResults);
    }

    public ClientSettings withRequestTimeout(Duration value) {
        return new ClientSettings(address, value, socketOptions, maxAwaitingResults);
    }

    public ClientSettings withSocketOptions(SocketOptions value) {
        return new ClientSettings(address, requestTimeout, value, maxAwaitingResults);
    }

    public ClientSettings withMaxAwaitingResults(int value) {
        return new ClientSettings(address, requestTimeout, socketOptions, value);
    }
}
