package io.eventmq.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.eventmq.device.ServiceSettings;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.transport.IoScheduling;
import io.eventmq.transport.SocketOptions;

/**
 * Configuration of EventMQ: the worker, the client, the embedded router, and the heartbeats and socket
 * options they share. Defaults are the Python reference's (ports 47291 / 47290 / 47293 on 127.0.0.1, heartbeat
 * every 3 s, a miss per 5 s of silence, dead after 3 misses). Validated at startup: a bad value stops the
 * application with a message that names the property.
 */
@ConfigurationProperties("eventmq")
public class EventMqProperties implements Validator {

    /** Whether EventMQ is auto-configured at all. */
    private boolean enabled = true;

    private final Heartbeat heartbeat = new Heartbeat();

    private final Socket socket = new Socket();

    private final Worker worker = new Worker();

    private final Client client = new Client();

    private final Router router = new Router();

    private final Io io = new Io();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Heartbeat getHeartbeat() {
        return heartbeat;
    }

    public Socket getSocket() {
        return socket;
    }

    public Worker getWorker() {
        return worker;
    }

    public Client getClient() {
        return client;
    }

    public Router getRouter() {
        return router;
    }

    public Io getIo() {
        return io;
    }

    @Override
    public boolean supports(Class<?> type) {
        return EventMqProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EventMqProperties properties = (EventMqProperties) target;
        properties.heartbeat.validate(errors);
        properties.socket.validate(errors);
        properties.worker.validate(errors);
        properties.client.validate(errors);
        properties.router.validate(errors);
    }

    /** Heartbeats of the worker, the scheduler and the embedded router. */
    public static class Heartbeat {

        /** Whether to send heartbeats and count missed ones; both sides of a connection should agree. */
        private boolean enabled = true;

        /** Send a HEARTBEAT when nothing else was sent for this long. */
        private Duration interval = Duration.ofSeconds(3);

        /** Count a miss each time this passes with nothing received from the other side. */
        private Duration timeout = Duration.ofSeconds(5);

        /** Consecutive misses after which the other side is taken for dead (and the worker reconnects). */
        private int liveness = 3;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public int getLiveness() {
            return liveness;
        }

        public void setLiveness(int liveness) {
            this.liveness = liveness;
        }

        HeartbeatSettings toSettings() {
            return new HeartbeatSettings(interval, timeout, liveness, enabled);
        }

        void validate(Errors errors) {
            Checks.positive(errors, "heartbeat.interval", interval);
            Checks.positive(errors, "heartbeat.timeout", timeout);
            Checks.atLeast(errors, "heartbeat.liveness", liveness, 1);
        }
    }

    /** ZeroMQ options of every socket EventMQ makes. */
    public static class Socket {

        /** How long a closing socket may still deliver queued messages (a final REPLY or KBYE must leave). */
        private Duration linger = Duration.ofSeconds(1);

        /** Messages queued per peer before sends are refused. */
        private int sendHighWaterMark = 1000;

        /** Messages queued per peer before ZeroMQ stops reading. */
        private int receiveHighWaterMark = 1000;

        /** Largest message accepted from a peer; a larger one drops the peer's connection. */
        private DataSize maxMessageSize = DataSize.ofMegabytes(1);

        /** Pause before ZeroMQ reconnects a lost connection. */
        private Duration reconnectInterval = Duration.ofMillis(100);

        /**
         * How long a new connection may take to finish the ZeroMQ handshake before it is dropped and retried
         * (JeroMQ 0.6.0 sometimes never starts one).
         */
        private Duration handshakeInterval = Duration.ofSeconds(1);

        public Duration getLinger() {
            return linger;
        }

        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        public int getSendHighWaterMark() {
            return sendHighWaterMark;
        }

        public void setSendHighWaterMark(int sendHighWaterMark) {
            this.sendHighWaterMark = sendHighWaterMark;
        }

        public int getReceiveHighWaterMark() {
            return receiveHighWaterMark;
        }

        public void setReceiveHighWaterMark(int receiveHighWaterMark) {
            this.receiveHighWaterMark = receiveHighWaterMark;
        }

        public DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }

        public Duration getReconnectInterval() {
            return reconnectInterval;
        }

        public void setReconnectInterval(Duration reconnectInterval) {
            this.reconnectInterval = reconnectInterval;
        }

        public Duration getHandshakeInterval() {
            return handshakeInterval;
        }

        public void setHandshakeInterval(Duration handshakeInterval) {
            this.handshakeInterval = handshakeInterval;
        }

        SocketOptions toOptions() {
            return new SocketOptions(linger, sendHighWaterMark, receiveHighWaterMark, maxMessageSize.toBytes(),
                    reconnectInterval, handshakeInterval);
        }

        void validate(Errors errors) {
            Checks.notNegative(errors, "socket.linger", linger);
            Checks.atLeast(errors, "socket.send-high-water-mark", sendHighWaterMark, 0);
            Checks.atLeast(errors, "socket.receive-high-water-mark", receiveHighWaterMark, 0);
            if (maxMessageSize == null || maxMessageSize.toBytes() < 1) {
                Checks.reject(errors, "socket.max-message-size", maxMessageSize, "must be 1B or more");
            }
            Checks.notNegative(errors, "socket.reconnect-interval", reconnectInterval);
            Checks.positive(errors, "socket.handshake-interval", handshakeInterval);
        }
    }

    /** The worker: runs {@code @EmqpHandler} methods for the jobs a router hands it. */
    public static class Worker {

        /**
         * Whether to run a worker. It runs only when the application has at least one {@code @EmqpHandler}
         * method.
         */
        private boolean enabled = true;

        /**
         * The router's backend endpoint. Defaults to the embedded router's when one runs, else
         * tcp://127.0.0.1:47290.
         */
        private String address;

        /** A second router endpoint, tried in turn with the address after the router is found dead. */
        private String failoverAddress;

        /**
         * Queues to announce, in order, each with a weight (higher first). Empty: the queues the
         * {@code @EmqpHandler} methods name, then "default", each with weight 10.
         */
        private List<Queue> queues = new ArrayList<>();

        /** Job slots: jobs run at once, and READYs offered to the router. */
        private int concurrency = 4;

        /** How long to wait for the router's ACK before sending INFORM again. */
        private Duration reconnectTimeout = Duration.ofSeconds(5);

        /**
         * How long running jobs may take to finish when the application stops; then they are interrupted and
         * answered with an error. Keep it below spring.lifecycle.timeout-per-shutdown-phase.
         */
        private Duration gracePeriod = Duration.ofSeconds(10);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getFailoverAddress() {
            return failoverAddress;
        }

        public void setFailoverAddress(String failoverAddress) {
            this.failoverAddress = failoverAddress;
        }

        public List<Queue> getQueues() {
            return queues;
        }

        public void setQueues(List<Queue> queues) {
            this.queues = queues;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public Duration getReconnectTimeout() {
            return reconnectTimeout;
        }

        public void setReconnectTimeout(Duration reconnectTimeout) {
            this.reconnectTimeout = reconnectTimeout;
        }

        public Duration getGracePeriod() {
            return gracePeriod;
        }

        public void setGracePeriod(Duration gracePeriod) {
            this.gracePeriod = gracePeriod;
        }

        ServiceSettings toSettings(String resolvedAddress, List<WeightedQueue> resolvedQueues,
                                   HeartbeatSettings heartbeatSettings, SocketOptions options) {
            return ServiceSettings.DEFAULTS.withAddress(resolvedAddress)
                    .withFailoverAddress(failoverAddress == null || failoverAddress.isEmpty() ? null : failoverAddress)
                    .withQueues(resolvedQueues).withConcurrency(concurrency).withHeartbeat(heartbeatSettings)
                    .withReconnectTimeout(reconnectTimeout).withGracePeriod(gracePeriod).withSocket(options);
        }

        void validate(Errors errors) {
            Checks.endpoint(errors, "worker.address", address, false);
            Checks.endpoint(errors, "worker.failover-address", failoverAddress, false);
            Checks.atLeast(errors, "worker.concurrency", concurrency, 1);
            Checks.positive(errors, "worker.reconnect-timeout", reconnectTimeout);
            Checks.notNegative(errors, "worker.grace-period", gracePeriod);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < queues.size(); i++) {
                Queue queue = queues.get(i);
                String property = "worker.queues[" + i + "]";
                if (queue.getName() == null || queue.getName().isBlank()) {
                    Checks.reject(errors, property + ".name", queue.getName(), "must not be blank");
                } else if (!names.add(queue.getName())) {
                    Checks.reject(errors, property + ".name", queue.getName(), "is listed twice");
                }
                Checks.atLeast(errors, property + ".weight", queue.getWeight(), 0);
            }
        }
    }

    /** A queue a worker serves. */
    public static class Queue {

        /** The queue's name. */
        private String name;

        /** Its weight: the router offers the worker's slots to queues of higher weight first. */
        private int weight = 10;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getWeight() {
            return weight;
        }

        public void setWeight(int weight) {
            this.weight = weight;
        }
    }

    /** The client behind {@code EmqpTemplate}. */
    public static class Client {

        /** Whether to create a client and an EmqpTemplate. */
        private boolean enabled = true;

        /**
         * The router's frontend endpoint. Defaults to the embedded router's when one runs, else
         * tcp://127.0.0.1:47291.
         */
        private String address;

        /** How long a request waits for its result before its future fails with a TimeoutException. */
        private Duration requestTimeout = Duration.ofSeconds(30);

        /** Requests that may await their results at once; beyond, a request fails at once. */
        private int maxAwaitingResults = 10_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public int getMaxAwaitingResults() {
            return maxAwaitingResults;
        }

        public void setMaxAwaitingResults(int maxAwaitingResults) {
            this.maxAwaitingResults = maxAwaitingResults;
        }

        void validate(Errors errors) {
            Checks.endpoint(errors, "client.address", address, false);
            Checks.positive(errors, "client.request-timeout", requestTimeout);
            Checks.atLeast(errors, "client.max-awaiting-results", maxAwaitingResults, 1);
        }
    }

    /** The threads that move EventMQ's messages: ZeroMQ's I/O threads and the router's and worker's. */
    public static class Io {

        /**
         * Linux scheduling policy of ZeroMQ's I/O threads and of the router's and worker's I/O threads: batch
         * (SCHED_BATCH, which keeps JeroMQ 0.6.0's signaler race from stalling them; no privileges needed,
         * nothing changes elsewhere than Linux) or default (left as started). Job threads, the client's I/O
         * thread and the application's threads are never changed.
         */
        private IoScheduling scheduling = IoScheduling.BATCH;

        public IoScheduling getScheduling() {
            return scheduling;
        }

        public void setScheduling(IoScheduling scheduling) {
            this.scheduling = scheduling;
        }
    }

    /** An EventMQ router inside this application, in place of a separate {@code emq-router}. */
    public static class Router {

        /** Whether to run an embedded router. */
        private boolean enabled;

        /** Where clients and schedulers connect; tcp://127.0.0.1:* picks a free port. */
        private String frontend = "tcp://127.0.0.1:47291";

        /** Where workers connect; tcp://127.0.0.1:* picks a free port. */
        private String backend = "tcp://127.0.0.1:47290";

        /** Where administration tools (emq-cli) connect; tcp://127.0.0.1:* picks a free port. */
        private String admin = "tcp://127.0.0.1:47293";

        /** REQUESTs one queue may hold while no worker has a free slot; beyond, they are refused. */
        private int queueHighWaterMark = 10_000;

        /** How long a dispatched REQUEST's client is remembered, to forward its result. */
        private Duration pendingResultExpiry = Duration.ofMinutes(10);

        /** How many dispatched REQUESTs are remembered at most (the oldest are forgotten first). */
        private int pendingResultLimit = 100_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getFrontend() {
            return frontend;
        }

        public void setFrontend(String frontend) {
            this.frontend = frontend;
        }

        public String getBackend() {
            return backend;
        }

        public void setBackend(String backend) {
            this.backend = backend;
        }

        public String getAdmin() {
            return admin;
        }

        public void setAdmin(String admin) {
            this.admin = admin;
        }

        public int getQueueHighWaterMark() {
            return queueHighWaterMark;
        }

        public void setQueueHighWaterMark(int queueHighWaterMark) {
            this.queueHighWaterMark = queueHighWaterMark;
        }

        public Duration getPendingResultExpiry() {
            return pendingResultExpiry;
        }

        public void setPendingResultExpiry(Duration pendingResultExpiry) {
            this.pendingResultExpiry = pendingResultExpiry;
        }

        public int getPendingResultLimit() {
            return pendingResultLimit;
        }

        public void setPendingResultLimit(int pendingResultLimit) {
            this.pendingResultLimit = pendingResultLimit;
        }

        void validate(Errors errors) {
            Checks.endpoint(errors, "router.frontend", frontend, true);
            Checks.endpoint(errors, "router.backend", backend, true);
            Checks.endpoint(errors, "router.admin", admin, true);
            Checks.atLeast(errors, "router.queue-high-water-mark", queueHighWaterMark, 1);
            Checks.positive(errors, "router.pending-result-expiry", pendingResultExpiry);
            Checks.atLeast(errors, "router.pending-result-limit", pendingResultLimit, 1);
        }
    }
}
