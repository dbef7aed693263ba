package io.eventmq.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.eventmq.device.ServiceSettings;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.transport.Curve;
import io.eventmq.transport.CurveCertificates;
import io.eventmq.transport.CurveKeys;
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

    private final Observation observation = new Observation();

    private final Scheduler scheduler = new Scheduler();

    private final Security security = new Security();

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

    public Observation getObservation() {
        return observation;
    }

    public Scheduler getScheduler() {
        return scheduler;
    }

    public Security getSecurity() {
        return security;
    }

    /** The socket options of the embedded router: {@code eventmq.socket.*}, and CURVE when configured. */
    SocketOptions routerSocketOptions() {
        return socket.toOptions().withCurve(security.curve.router.toCurve());
    }

    /** The socket options of the worker, scheduler and client: {@code eventmq.socket.*}, and CURVE when configured. */
    SocketOptions peerSocketOptions() {
        return socket.toOptions().withCurve(security.curve.peer.toCurve());
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
        properties.scheduler.validate(errors);
        properties.security.curve.validate(errors);
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

        /**
         * How long a request waits for the router's receipt, once connected, before its future fails with a
         * RouterLostException; 0 waits for the result only (and sends nothing again after a lost connection).
         */
        private Duration receiptTimeout = Duration.ofSeconds(5);

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

        public Duration getReceiptTimeout() {
            return receiptTimeout;
        }

        public void setReceiptTimeout(Duration receiptTimeout) {
            this.receiptTimeout = receiptTimeout;
        }

        void validate(Errors errors) {
            Checks.endpoint(errors, "client.address", address, false);
            Checks.notNegative(errors, "client.receipt-timeout", receiptTimeout);
            Checks.positive(errors, "client.request-timeout", requestTimeout);
            Checks.atLeast(errors, "client.max-awaiting-results", maxAwaitingResults, 1);
        }
    }

    /** Micrometer observations of requests and handlers, and trace context carried in the eMQP headers. */
    public static class Observation {

        /**
         * Whether to observe EmqpTemplate requests and @EmqpHandler methods (with the application's
         * ObservationRegistry) and send the trace context along with each REQUEST.
         */
        private boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
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

        /** How long a REQUEST may wait for a worker; then its client gets an error REPLY Expired. */
        private Duration waitingExpiry = Duration.ofMinutes(10);

        /**
         * The part of queue-high-water-mark (more than 0, at most 1) one client's waiting REQUESTs may take in a
         * queue, so that a flooding client leaves room for the others.
         */
        private double perClientShare = 0.5;

        /**
         * How long a REQUEST's receipt waits, at least, for its result, which then is the receipt too: a quick job
         * costs its client one message instead of two. 0 sends receipts at once. Whole milliseconds; keep it far
         * below the clients' receipt-timeout.
         */
        private Duration receiptDelay = Duration.ofMillis(1);

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

        public Duration getWaitingExpiry() {
            return waitingExpiry;
        }

        public void setWaitingExpiry(Duration waitingExpiry) {
            this.waitingExpiry = waitingExpiry;
        }

        public double getPerClientShare() {
            return perClientShare;
        }

        public void setPerClientShare(double perClientShare) {
            this.perClientShare = perClientShare;
        }

        public Duration getReceiptDelay() {
            return receiptDelay;
        }

        public void setReceiptDelay(Duration receiptDelay) {
            this.receiptDelay = receiptDelay;
        }

        void validate(Errors errors) {
            Checks.endpoint(errors, "router.frontend", frontend, true);
            Checks.endpoint(errors, "router.backend", backend, true);
            Checks.endpoint(errors, "router.admin", admin, true);
            Checks.atLeast(errors, "router.queue-high-water-mark", queueHighWaterMark, 1);
            Checks.positive(errors, "router.pending-result-expiry", pendingResultExpiry);
            Checks.atLeast(errors, "router.pending-result-limit", pendingResultLimit, 1);
            Checks.positive(errors, "router.waiting-expiry", waitingExpiry);
            Checks.notNegative(errors, "router.receipt-delay", receiptDelay);
            if (!(perClientShare > 0 && perClientShare <= 1)) {
                Checks.reject(errors, "router.per-client-share", perClientShare, "must be more than 0 and at most 1");
            }
        }
    }

    /** A scheduler in this application: keeps the schedules clients send and sends their jobs when due. */
    public static class Scheduler {

        /** Whether to run a scheduler. */
        private boolean enabled;

        /**
         * The router's frontend endpoint. Defaults to the embedded router's when one runs, else
         * tcp://127.0.0.1:47291.
         */
        private String address;

        /** The time zone cron expressions are read in. */
        private ZoneId zone = ZoneId.of("UTC");

        /** Where schedules are kept. */
        private Store store = Store.MEMORY;

        /** Schedules kept at most; a SCHEDULE for a new job beyond it is refused and logged. */
        private int maxSchedules = 10_000;

        /** Where a scheduler keeps its schedules. */
        public enum Store {
            /** In memory: lost when the application stops (or a ScheduleStore bean of the application's). */
            MEMORY,
            /**
             * In the application's DataSource (table eventmq_schedule, created when missing): schedules survive a
             * restart, and schedulers sharing the database send each run once.
             */
            JDBC
        }

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

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }

        public Store getStore() {
            return store;
        }

        public void setStore(Store store) {
            this.store = store;
        }

        public int getMaxSchedules() {
            return maxSchedules;
        }

        public void setMaxSchedules(int maxSchedules) {
            this.maxSchedules = maxSchedules;
        }

        void validate(Errors errors) {
            Checks.endpoint(errors, "scheduler.address", address, false);
            Checks.atLeast(errors, "scheduler.max-schedules", maxSchedules, 1);
        }
    }

    /** Security of the ZeroMQ connections. */
    public static class Security {

        private final CurveSecurity curve = new CurveSecurity();

        public CurveSecurity getCurve() {
            return curve;
        }
    }

    /**
     * CURVE encryption and authentication (CurveZMQ): the embedded router as CURVE server, this application's
     * worker, scheduler and client as CURVE clients. A side is on when one of its keys is set.
     */
    public static class CurveSecurity {

        private final CurveRouter router = new CurveRouter();

        private final CurvePeer peer = new CurvePeer();

        public CurveRouter getRouter() {
            return router;
        }

        public CurvePeer getPeer() {
            return peer;
        }

        void validate(Errors errors) {
            router.validate(errors);
            peer.validate(errors);
        }
    }

    /** The embedded router's CURVE server side. */
    public static class CurveRouter {

        /**
         * The router's public key, 40 characters of Z85, to give to every worker, scheduler and client. Unset, with
         * secret-key: the router speaks plaintext.
         */
        private String publicKey;

        /** The router's secret key, Z85, masked in the actuator's output, never logged. Unset: plaintext. */
        private String secretKey;

        /** Whether any client that knows the router's public key may connect: encryption without authentication. */
        private boolean allowAny;

        /** The public keys (Z85) of the workers, schedulers and clients allowed to connect. Empty: set allow-any. */
        private List<String> allowedClientKeys = new ArrayList<>();

        /**
         * A directory of ZeroMQ certificate files whose public keys are allowed to connect too, read at startup.
         * Unset: only allowed-client-keys.
         */
        private Path allowedClientsDirectory;

        public String getPublicKey() {
            return publicKey;
        }

        public void setPublicKey(String publicKey) {
            this.publicKey = publicKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public boolean isAllowAny() {
            return allowAny;
        }

        public void setAllowAny(boolean allowAny) {
            this.allowAny = allowAny;
        }

        public List<String> getAllowedClientKeys() {
            return allowedClientKeys;
        }

        public void setAllowedClientKeys(List<String> allowedClientKeys) {
            this.allowedClientKeys = allowedClientKeys;
        }

        public Path getAllowedClientsDirectory() {
            return allowedClientsDirectory;
        }

        public void setAllowedClientsDirectory(Path allowedClientsDirectory) {
            this.allowedClientsDirectory = allowedClientsDirectory;
        }

        /** The listed keys and those of the certificates directory. */
        private Set<String> allowedKeys() {
            Set<String> keys = new LinkedHashSet<>(allowedClientKeys);
            if (allowedClientsDirectory != null) {
                keys.addAll(CurveCertificates.publicKeys(allowedClientsDirectory));
            }
            return keys;
        }

        boolean isOn() {
            return publicKey != null || secretKey != null;
        }

        /** The CURVE server options, {@code null} when off. */
        Curve toCurve() {
            if (!isOn()) {
                return null;
            }
            CurveKeys keys = new CurveKeys(publicKey, secretKey);
            return allowAny ? Curve.Server.allowAny(keys)
                    : Curve.Server.allowOnly(keys, allowedKeys());
        }

        void validate(Errors errors) {
            if (!isOn()) {
                return;
            }
            Checks.curveKey(errors, "security.curve.router.public-key", publicKey);
            Checks.curveSecretKey(errors, "security.curve.router.secret-key", secretKey);
            for (int i = 0; i < allowedClientKeys.size(); i++) {
                Checks.curveKey(errors, "security.curve.router.allowed-client-keys[" + i + "]",
                        allowedClientKeys.get(i));
            }
            if (allowAny && (!allowedClientKeys.isEmpty() || allowedClientsDirectory != null)) {
                Checks.reject(errors, "security.curve.router.allow-any", true,
                        "lets every client in: give no allowed-client-keys or allowed-clients-directory with it");
                return;
            }
            Set<String> allowed = Set.of();
            try {
                allowed = allowedKeys();
            } catch (IllegalArgumentException e) {
                Checks.reject(errors, "security.curve.router.allowed-clients-directory", allowedClientsDirectory,
                        e.getMessage());
                return;
            }
            if (!allowAny && allowed.isEmpty()) {
                Checks.reject(errors, "security.curve.router.allowed-client-keys", allowedClientKeys,
                        "must list the public keys of the clients let in (or allowed-clients-directory hold "
                                + "their certificates), or set allow-any=true");
            }
        }
    }

    /** The CURVE client side of this application's worker, scheduler and client. */
    public static class CurvePeer {

        /** The public key (Z85) this application's worker, scheduler and client connect with. Unset: plaintext. */
        private String publicKey;

        /** The secret key (Z85) of that pair; masked in the actuator's output, never logged. Unset: plaintext. */
        private String secretKey;

        /** The router's public key (Z85), whose secret key only the true router holds. Unset: plaintext. */
        private String serverKey;

        public String getPublicKey() {
            return publicKey;
        }

        public void setPublicKey(String publicKey) {
            this.publicKey = publicKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public String getServerKey() {
            return serverKey;
        }

        public void setServerKey(String serverKey) {
            this.serverKey = serverKey;
        }

        boolean isOn() {
            return publicKey != null || secretKey != null || serverKey != null;
        }

        /** The CURVE client options, {@code null} when off. */
        Curve toCurve() {
            return isOn() ? new Curve.Client(new CurveKeys(publicKey, secretKey), serverKey)
                    : null;
        }

        void validate(Errors errors) {
            if (!isOn()) {
                return;
            }
            Checks.curveKey(errors, "security.curve.peer.public-key", publicKey);
            Checks.curveSecretKey(errors, "security.curve.peer.secret-key", secretKey);
            Checks.curveKey(errors, "security.curve.peer.server-key", serverKey);
        }
    }
}
