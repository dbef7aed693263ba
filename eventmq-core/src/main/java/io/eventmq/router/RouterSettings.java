package io.eventmq.router;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.transport.Curve;
import io.eventmq.transport.SocketOptions;

/**
 * What a {@link Router} binds and how it behaves, with the reference's defaults.
 *
 * @param frontendAddress     where clients and schedulers connect ({@code tcp://127.0.0.1:*} picks a port)
 * @param backendAddress      where workers connect
 * @param adminAddress        where administration tools connect
 * @param heartbeat           HEARTBEAT to every worker and scheduler each {@code interval}; a peer silent for
 *                            {@code timeout} is forgotten; disabled: neither
 * @param queueHighWaterMark  REQUESTs one queue may buffer while no worker has a free slot; beyond, refused
 * @param defaultQueues       the queues of a worker that INFORMs with an empty queue list
 * @param pendingResultExpiry how long a dispatched REQUEST's client is remembered for forwarding its result
 * @param pendingResultLimit  how many dispatched REQUESTs are remembered at most (the oldest go first)
 * @param socketOptions       options of the three ROUTER sockets; with a {@link Curve.Server}, CURVE on all three
 * @param queueByteLimit      bytes of REQUESTs one queue may buffer (msgid and body frames); beyond, refused
 * @param routerByteLimit     bytes of REQUESTs all queues together may buffer; beyond, refused
 * @param waitingExpiry       how long a REQUEST may wait for a worker; then it is refused with {@code Expired}
 * @param perClientShare      the part of {@code queueHighWaterMark} (more than 0, at most 1) one sender's waiting
 *                            REQUESTs may take in a queue, so that a flooding client leaves room for the others
 * @param receiptDelay        how long a REQUEST's receipt waits, at least, for its result or refusal, which then is
 *                            the receipt too (whole milliseconds; far below the clients' receipt timeout);
 *                            {@link Duration#ZERO} sends receipts at once
 */
public record RouterSettings(String frontendAddress, String backendAddress, String adminAddress,
                             HeartbeatSettings heartbeat, int queueHighWaterMark,
                             List<WeightedQueue> defaultQueues, Duration pendingResultExpiry,
                             int pendingResultLimit, SocketOptions socketOptions, long queueByteLimit,
                             long routerByteLimit, Duration waitingExpiry, double perClientShare,
                             Duration receiptDelay) {

    /**
     * Reference defaults: ports 47291 / 47290 / 47293 on 127.0.0.1, 10,000 REQUESTs a queue, [[10, "default"]];
     * and ours: at most 64 MiB of waiting REQUESTs a queue, 256 MiB in all; a REQUEST waits at most 10 minutes;
     * one sender may take at most half of a queue's high-water mark; a receipt waits 1 ms for the result.
     */
    public static final RouterSettings DEFAULTS = new RouterSettings("tcp://127.0.0.1:47291",
            "tcp://127.0.0.1:47290", "tcp://127.0.0.1:47293", HeartbeatSettings.DEFAULTS, 10_000,
            List.of(new WeightedQueue(10, Router.DEFAULT_QUEUE)), Duration.ofMinutes(10), 100_000,
            SocketOptions.DEFAULTS, 64L << 20, 256L << 20, Duration.ofMinutes(10), 0.5, Duration.ofMillis(1));

    public RouterSettings {
        Objects.requireNonNull(frontendAddress, "frontendAddress");
        Objects.requireNonNull(backendAddress, "backendAddress");
        Objects.requireNonNull(adminAddress, "adminAddress");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(pendingResultExpiry, "pendingResultExpiry");
        Objects.requireNonNull(socketOptions, "socketOptions");
        Objects.requireNonNull(waitingExpiry, "waitingExpiry");
        Objects.requireNonNull(receiptDelay, "receiptDelay");
        if (socketOptions.curve() != null && !(socketOptions.curve() instanceof Curve.Server)) {
            throw new IllegalArgumentException("a router's CURVE options must be a Curve.Server");
        }
        defaultQueues = List.copyOf(defaultQueues);
        if (defaultQueues.isEmpty()) {
            throw new IllegalArgumentException("defaultQueues must name at least one queue");
        }
        if (queueHighWaterMark < 1) {
            throw new IllegalArgumentException("queueHighWaterMark must be 1 or more, was " + queueHighWaterMark);
        }
        if (pendingResultLimit < 1) {
            throw new IllegalArgumentException("pendingResultLimit must be 1 or more, was " + pendingResultLimit);
        }
        if (pendingResultExpiry.isNegative() || pendingResultExpiry.isZero()) {
            throw new IllegalArgumentException("pendingResultExpiry must be positive, was " + pendingResultExpiry);
        }
        if (waitingExpiry.isNegative() || waitingExpiry.isZero()) {
            throw new IllegalArgumentException("waitingExpiry must be positive, was " + waitingExpiry);
        }
        if (!(perClientShare > 0 && perClientShare <= 1)) {
            throw new IllegalArgumentException("perClientShare must be more than 0 and at most 1, was "
                    + perClientShare);
        }
        if (receiptDelay.isNegative()) {
            throw new IllegalArgumentException("receiptDelay must not be negative, was " + receiptDelay);
        }
        if (queueByteLimit < 1 || routerByteLimit < 1) {
            throw new IllegalArgumentException("queueByteLimit and routerByteLimit must be 1 or more, were "
                    + queueByteLimit + " and " + routerByteLimit);
        }
    }

    public RouterSettings withAddresses(String frontend, String backend, String admin) {
        return new RouterSettings(frontend, backend, admin, heartbeat, queueHighWaterMark, defaultQueues,
                pendingResultExpiry, pendingResultLimit, socketOptions, queueByteLimit,
                routerByteLimit, waitingExpiry, perClientShare, receiptDelay);
    }

    public RouterSettings withHeartbeat(HeartbeatSettings value) {
        return new RouterSettings(frontendAddress, backendAddress, adminAddress, value, queueHighWaterMark,
                defaultQueues, pendingResultExpiry, pendingResultLimit, socketOptions, queueByteLimit,
                routerByteLimit, waitingExpiry, perClientShare, receiptDelay);
    }

    public RouterSettings withQueueHighWaterMark(int value) {
        return new RouterSettings(frontendAddress, backendAddress, adminAddress, heartbeat, value, defaultQueues,
                pendingResultExpiry, pendingResultLimit, socketOptions, queueByteLimit,
                routerByteLimit, waitingExpiry, perClientShare, receiptDelay);
    }

    public RouterSettings withSocketOptions(SocketOptions value) {
        return new RouterSettings(frontendAddress, backendAddress, adminAddress, heartbeat, queueHighWaterMark,
                defaultQueues, pendingResultExpiry, pendingResultLimit, value, queueByteLimit, routerByteLimit,
                waitingExpiry, perClientShare, receiptDelay);
    }

    public RouterSettings withPendingResults(Duration expiry, int limit) {
        return new RouterSettings(frontendAddress, backendAddress, adminAddress, heartbeat, queueHighWaterMark,
                defaultQueues, expiry, limit, socketOptions, queueByteLimit, routerByteLimit, waitingExpiry,
                perClientShare, receiptDelay);
    }

    public RouterSettings withByteLimits(long queue, long router) {
        return new RouterSettings(frontendAddress, backendAddress, adminAddress, heartbeat, queueHighWaterMark,
                defaultQueues, pendingResultExpiry, pendingResultLimit, socketOptions, queue, router, waitingExpiry,
                perClientShare, receiptDelay);
    }

    public RouterSettings withWaitingExpiry(Duration value) {
        return new RouterSettings(frontendAddress, backendAddress, adminAddress, heartbeat, queueHighWaterMark,
                defaultQueues, pendingResultExpiry, pendingResultLimit, socketOptions, queueByteLimit,
                routerByteLimit, value, perClientShare, receiptDelay);
    }

    public RouterSettings withPerClientShare(double value) {
        return new RouterSettings(frontendAddress, backendAddress, adminAddress, heartbeat, queueHighWaterMark,
                defaultQueues, pendingResultExpiry, pendingResultLimit, socketOptions, queueByteLimit,
                routerByteLimit, waitingExpiry, value, receiptDelay);
    }

    public RouterSettings withReceiptDelay(Duration value) {
        return new RouterSettings(frontendAddress, backendAddress, adminAddress, heartbeat, queueHighWaterMark,
                defaultQueues, pendingResultExpiry, pendingResultLimit, socketOptions, queueByteLimit,
                routerByteLimit, waitingExpiry, perClientShare, value);
    }

    /** How many REQUESTs one sender may have waiting in a queue: its share of the high-water mark, 1 at least. */
    int perClientLimit() {
        return Math.max(1, (int) Math.ceil(queueHighWaterMark * perClientShare));
    }
}
