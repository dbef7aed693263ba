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
 * @param maxAwaitingResults REQUESTs that may await their results at once, from the call on (sent, or handed to the
 *                           I/O thread and not yet sent); a request beyond fails at once
 * @param receiptTimeout     how long a REQUEST waits for the router's receipt while connected before its
 *                           future fails with {@link RouterLostException}; {@link Duration#ZERO} waits for the
 *                           result only and sends nothing again after a lost connection (for a router that
 *                           sends no receipts, as the reference's for buffered REQUESTs)
 */
public record ClientSettings(String address, Duration requestTimeout, SocketOptions socketOptions,
                             int maxAwaitingResults, Duration receiptTimeout) {

    /** The reference router's frontend on this host, results within 30 s, at most 10,000 awaited, receipts in 5 s. */
    public static final ClientSettings DEFAULTS = new ClientSettings("tcp://127.0.0.1:47291", Duration.ofSeconds(30),
            SocketOptions.DEFAULTS, 10_000, Duration.ofSeconds(5));

    /** Settings with the default receipt timeout, 5 s. */
    public ClientSettings(String address, Duration requestTimeout, SocketOptions socketOptions,
                          int maxAwaitingResults) {
        this(address, requestTimeout, socketOptions, maxAwaitingResults, DEFAULTS.receiptTimeout);
    }

    public ClientSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(socketOptions, "socketOptions");
        Objects.requireNonNull(receiptTimeout, "receiptTimeout");
        if (receiptTimeout.isNegative()) {
            throw new IllegalArgumentException("receiptTimeout must not be negative, was " + receiptTimeout);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        if (maxAwaitingResults < 1) {
            throw new IllegalArgumentException("maxAwaitingResults must be 1 or more, was " + maxAwaitingResults);
        }
    }

    public ClientSettings withAddress(String value) {
        return new ClientSettings(value, requestTimeout, socketOptions, maxAwaitingResults, receiptTimeout);
    }

    public ClientSettings withRequestTimeout(Duration value) {
        return new ClientSettings(address, value, socketOptions, maxAwaitingResults, receiptTimeout);
    }

    public ClientSettings withSocketOptions(SocketOptions value) {
        return new ClientSettings(address, requestTimeout, value, maxAwaitingResults, receiptTimeout);
    }

    public ClientSettings withMaxAwaitingResults(int value) {
        return new ClientSettings(address, requestTimeout, socketOptions, value, receiptTimeout);
    }

    public ClientSettings withReceiptTimeout(Duration value) {
        return new ClientSettings(address, requestTimeout, socketOptions, maxAwaitingResults, value);
    }
}
