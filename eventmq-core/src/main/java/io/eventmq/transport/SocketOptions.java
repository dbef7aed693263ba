package io.eventmq.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * ZeroMQ options every eMQP socket gets.
 *
 * @param linger               how long a closing socket may still deliver queued messages (a final REPLY or
 *                             KBYE must leave); ZContext's default of 0 would drop them
 * @param sendHighWaterMark    messages queued per peer before sends are refused
 * @param receiveHighWaterMark messages queued per peer before ZeroMQ stops reading
 * @param maxMessageSize       largest message in bytes a peer may send; ZeroMQ drops the connection of a peer
 *                             that sends a larger one; -1 for no limit
 * @param reconnectInterval    pause before ZeroMQ reconnects a lost connection
 * @param handshakeInterval    how long a connection may take to finish the ZMTP handshake before ZeroMQ
 *                             drops and retries it (JeroMQ 0.6.0 sometimes never starts one)
 * @param curve                CURVE encryption (a router's {@link Curve.Server}, a peer's {@link Curve.Client}),
 *                             {@code null} for plaintext
 */
public record SocketOptions(Duration linger, int sendHighWaterMark, int receiveHighWaterMark,
                            long maxMessageSize, Duration reconnectInterval, Duration handshakeInterval,
                            Curve curve) {

    private static final Duration LONGEST = Duration.ofMillis(Integer.MAX_VALUE);

    /** Linger 1 s, high-water marks 1000, messages up to 1 MiB, reconnect after 100 ms, handshake within 1 s. */
    public static final SocketOptions DEFAULTS = new SocketOptions(Duration.ofSeconds(1), 1000, 1000, 1 << 20,
            Duration.ofMillis(100), Duration.ofSeconds(1), null);

    /** Plaintext options, as before CURVE. */
    public SocketOptions(Duration linger, int sendHighWaterMark, int receiveHighWaterMark, long maxMessageSize,
                         Duration reconnectInterval, Duration handshakeInterval) {
        this(linger, sendHighWaterMark, receiveHighWaterMark, maxMessageSize, reconnectInterval, handshakeInterval,
                null);
    }

    public SocketOptions {
        requireMillis("linger", linger);
        requireMillis("reconnectInterval", reconnectInterval);
        requireMillis("handshakeInterval", handshakeInterval);
        if (sendHighWaterMark < 0 || receiveHighWaterMark < 0) {
            throw new IllegalArgumentException("high-water marks must be 0 (none) or more");
        }
        if (maxMessageSize < 1 && maxMessageSize != -1) {
            throw new IllegalArgumentException("maxMessageSize must be -1 (no limit) or 1 byte or more, was "
                    + maxMessageSize + " (ZeroMQ would take 0 as: empty messages only)");
        }
    }

    /** ZeroMQ takes these timings as an {@code int} of milliseconds. */
    private static void requireMillis(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be from 0 to " + LONGEST.toMillis() + " ms, was "
                    + value);
        }
    }

    public SocketOptions withLinger(Duration value) {
        return new SocketOptions(value, sendHighWaterMark, receiveHighWaterMark, maxMessageSize,
                reconnectInterval, handshakeInterval, curve);
    }

    public SocketOptions withHighWaterMarks(int send, int receive) {
        return new SocketOptions(linger, send, receive, maxMessageSize, reconnectInterval, handshakeInterval, curve);
    }

    public SocketOptions withMaxMessageSize(long value) {
        return new SocketOptions(linger, sendHighWaterMark, receiveHighWaterMark, value, reconnectInterval,
                handshakeInterval, curve);
    }

    public SocketOptions withReconnectInterval(Duration value) {
        return new SocketOptions(linger, sendHighWaterMark, receiveHighWaterMark, maxMessageSize, value,
                handshakeInterval, curve);
    }

    public SocketOptions withHandshakeInterval(Duration value) {
        return new SocketOptions(linger, sendHighWaterMark, receiveHighWaterMark, maxMessageSize,
                reconnectInterval, value, curve);
    }

    /** These options with CURVE encryption, or plaintext for {@code null}. */
    public SocketOptions withCurve(Curve value) {
        return new SocketOptions(linger, sendHighWaterMark, receiveHighWaterMark, maxMessageSize, reconnectInterval,
                handshakeInterval, value);
    }
}
