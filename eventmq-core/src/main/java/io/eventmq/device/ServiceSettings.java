package io.eventmq.device;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.transport.SocketOptions;

/**
 * How a {@link WorkerService} connects and works.
 *
 * @param address          the router endpoint, e.g. {@code tcp://127.0.0.1:47290} (a worker connects to the
 *                         backend, a scheduler to the frontend)
 * @param failoverAddress  a second router endpoint, tried in turn with {@code address} after the router is
 *                         found dead; {@code null} for none
 * @param type             worker or scheduler
 * @param queues           the queues a worker announces, highest weight first; empty means the router's
 *                         default list (a scheduler always announces none)
 * @param concurrency      job slots: jobs run at once, and READYs the worker offers
 * @param heartbeat        heartbeat interval, timeout and liveness
 * @param reconnectTimeout how long to wait for the ACK before sending INFORM again (reference: 5 s)
 * @param gracePeriod      how long {@link WorkerService#stop()} lets running jobs finish before interrupting
 *                         them
 * @param socket           ZeroMQ options of the service's socket; its linger lets a final REPLY or KBYE leave
 */
public record ServiceSettings(String address, String failoverAddress, ServiceType type,
                              List<WeightedQueue> queues, int concurrency, HeartbeatSettings heartbeat,
                              Duration reconnectTimeout, Duration gracePeriod, SocketOptions socket) {

    /**
     * The reference's defaults: the backend on {@code tcp://127.0.0.1:47290}, no failover, a worker on
     * {@code [[10, "default"]]} with 4 slots, default heartbeats, reconnect timeout 5 s; grace period 10 s.
     */
    public static final ServiceSettings DEFAULTS = new ServiceSettings("tcp://127.0.0.1:47290", null,
            ServiceType.WORKER, List.of(new WeightedQueue(10, "default")), 4, HeartbeatSettings.DEFAULTS,
            Duration.ofSeconds(5), Duration.ofSeconds(10), SocketOptions.DEFAULTS);

    public ServiceSettings {
        requireEndpoint("address", address);
        if (failoverAddress != null) {
            requireEndpoint("failoverAddress", failoverAddress);
        }
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(queues, "queues must not be null");
        queues = List.copyOf(queues);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, was " + concurrency);
        }
        Objects.requireNonNull(heartbeat, "heartbeat must not be null");
        Objects.requireNonNull(reconnectTimeout, "reconnectTimeout must not be null");
        if (reconnectTimeout.isNegative() || reconnectTimeout.isZero()) {
            throw new IllegalArgumentException("reconnectTimeout must be positive, was " + reconnectTimeout);
        }
        Objects.requireNonNull(gracePeriod, "gracePeriod must not be null");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("gracePeriod must not be negative, was " + gracePeriod);
        }
        Objects.requireNonNull(socket, "socket must not be null");
    }

    public ServiceSettings withAddress(String value) {
        return new ServiceSettings(value, failoverAddress, type, queues, concurrency, heartbeat,
                reconnectTimeout, gracePeriod, socket);
    }

    public ServiceSettings withFailoverAddress(String value) {
        return new ServiceSettings(address, value, type, queues, concurrency, heartbeat, reconnectTimeout,
                gracePeriod, socket);
    }

    public ServiceSettings withType(ServiceType value) {
        return new ServiceSettings(address, failoverAddress, value, queues, concurrency, heartbeat,
                reconnectTimeout, gracePeriod, socket);
    }

    public ServiceSettings withQueues(List<WeightedQueue> value) {
        return new ServiceSettings(address, failoverAddress, type, value, concurrency, heartbeat,
                reconnectTimeout, gracePeriod, socket);
    }

    public ServiceSettings withConcurrency(int value) {
        return new ServiceSettings(address, failoverAddress, type, queues, value, heartbeat, reconnectTimeout,
                gracePeriod, socket);
    }

    public ServiceSettings withHeartbeat(HeartbeatSettings value) {
        return new ServiceSettings(address, failoverAddress, type, queues, concurrency, value, reconnectTimeout,
                gracePeriod, socket);
    }

    public ServiceSettings withReconnectTimeout(Duration value) {
        return new ServiceSettings(address, failoverAddress, type, queues, concurrency, heartbeat, value,
                gracePeriod, socket);
    }

    public ServiceSettings withGracePeriod(Duration value) {
        return new ServiceSettings(address, failoverAddress, type, queues, concurrency, heartbeat,
                reconnectTimeout, value, socket);
    }

    public ServiceSettings withSocket(SocketOptions value) {
        return new ServiceSettings(address, failoverAddress, type, queues, concurrency, heartbeat,
                reconnectTimeout, gracePeriod, value);
    }

    /** The endpoint of connection attempt {@code attempt} (0, 1, ...): alternating when a failover is set. */
    String addressOf(int attempt) {
        return failoverAddress == null || attempt % 2 == 0 ? address : failoverAddress;
    }

    private static void requireEndpoint(String field, String value) {
        Objects.requireNonNull(value, field + " must not be null");
        int separator = value.indexOf("://");
        if (separator < 1 || separator + 3 == value.length()) {
            throw new IllegalArgumentException(field + " must be an endpoint like tcp://host:port, was \""
                    + value + "\"");
        }
    }
}
