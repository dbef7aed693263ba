package io.eventmq.spring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.eventmq.client.Client;
import io.eventmq.client.ClientStatus;
import io.eventmq.device.ServiceState;
import io.eventmq.device.ServiceStatus;
import io.eventmq.device.WorkerService;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.router.Router;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/eventmq}: what the worker and the client are doing, and the embedded router's admin reports
 * (the JSON an {@code emq-cli} gets from its admin socket) as JSON trees. A device the application does not
 * run is {@code null}.
 */
@Endpoint(id = "eventmq")
final class EventMqEndpoint {

    private static final Logger log = LoggerFactory.getLogger(EventMqEndpoint.class);
    private static final Duration ADMIN_REPORT_WAIT = Duration.ofSeconds(5);

    private final WorkerService worker;
    private final Client client;
    private final Router router;
    private final JsonMapper mapper;

    /** Any of the devices may be {@code null}. */
    EventMqEndpoint(WorkerService worker, Client client, Router router, JsonMapper mapper) {
        this.worker = worker;
        this.client = client;
        this.router = router;
        this.mapper = mapper;
    }

    @ReadOperation
    Report report() {
        return new Report(worker == null ? null : WorkerReport.of(worker.status()),
                client == null ? null : ClientReport.of(client.status()),
                router == null ? null : routerReport());
    }

    private RouterReport routerReport() {
        if (!router.isRunning()) {
            return new RouterReport(false, null, null, null);
        }
        return new RouterReport(true, adminReport(Command.STATUS), adminReport(Command.ROUTER_SHOW_WORKERS),
                adminReport(Command.ROUTER_SHOW_SCHEDULERS));
    }

    /** One admin report as a JSON tree; {@code null} when the router stopped or did not answer in time. */
    private JsonNode adminReport(Command command) {
        try {
            return mapper.readTree(router.adminReport(command)
                    .get(ADMIN_REPORT_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            log.debug("no {} report from the router: {}", command, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** What the endpoint answers. */
    record Report(WorkerReport worker, ClientReport client, RouterReport router) {
    }

    /** {@link ServiceStatus} with the failure as text. */
    record WorkerReport(ServiceState state, String address, String failoverAddress, String identity,
                        List<WeightedQueue> queues, Instant connectedSince, Duration sinceLastMessage,
                        int heartbeatMisses, long reconnects, int runningJobs, int slots, long jobsSucceeded,
                        long jobsFailed, long refusedRequests, long invalidMessages, String failure) {

        static WorkerReport of(ServiceStatus status) {
            return new WorkerReport(status.state(), status.address(), status.failoverAddress(), status.identity(),
                    status.queues(), status.connectedSince(), status.sinceLastMessage(), status.heartbeatMisses(),
                    status.reconnects(), status.runningJobs(), status.slots(), status.jobsSucceeded(),
                    status.jobsFailed(), status.refusedRequests(), status.invalidMessages(),
                    status.failure() == null ? null : ServiceHealthIndicator.describe(status.failure()));
        }
    }

    /** {@link ClientStatus} with the failure as text. */
    record ClientReport(boolean running, String address, String identity, boolean connected, int awaitingResults,
                        long sent, long resent, long timedOut, long invalidMessages, String failure) {

        static ClientReport of(ClientStatus status) {
            return new ClientReport(status.running(), status.address(), status.identity(), status.connected(),
                    status.awaitingResults(), status.sent(), status.resent(), status.timedOut(),
                    status.invalidMessages(),
                    status.failure() == null ? null : ServiceHealthIndicator.describe(status.failure()));
        }
    }

    /** The router's admin reports: STATUS, ROUTER_SHOW_WORKERS and ROUTER_SHOW_SCHEDULERS. */
    record RouterReport(boolean running, JsonNode status, JsonNode workers, JsonNode schedulers) {
    }
}
