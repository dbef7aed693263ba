package io.eventmq.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.ServiceState;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;

/**
 * A router stopped and started again on the same ports: our worker rejoins, and every call made meanwhile
 * completes, also one sent in the moment before the client noticed the closed connection.
 */
@Timeout(60)
class RouterRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final HeartbeatSettings QUICK_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);

    private final ZContext context = new ZContext();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        context.close();
    }

    @Test
    void theWorkerRejoinsAndEveryCallMadeDuringTheOutageCompletesAfterIt() {
        Router first = startRouter(RouterSettings.DEFAULTS
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*"));
        RouterEndpoints endpoints = first.endpoints();
        WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS.withAddress(endpoints.backend())
                .withQueues(List.of(new WeightedQueue(10, "default"))).withConcurrency(2)
                .withHeartbeat(QUICK_HEARTBEATS).withReconnectTimeout(Duration.ofMillis(500))
                .withGracePeriod(Duration.ofMillis(300)), new Handlers().onAnyRequest(job -> "done " + job.payload()));
        closing.add(worker);
        worker.start();
        Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend())
                .withReceiptTimeout(Duration.ofSeconds(2)).withRequestTimeout(Duration.ofSeconds(50)));
        closing.add(client);
        client.start();
        assertThat(client.request("default", Headers.NONE, "before")).succeedsWithin(PATIENCE)
                .isEqualTo("\"done before\"");
        String firstIdentity = worker.status().identity();

        assertThat(first.stop()).isTrue();
        List<CompletableFuture<String>> duringOutage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            duringOutage.add(client.request("default", Headers.NONE, "outage-" + i));
        }
        RouterSettings samePorts = RouterSettings.DEFAULTS.withAddresses(endpoints.frontend(), endpoints.backend(),
                endpoints.admin());
        await().atMost(PATIENCE).until(() -> bound(samePorts));

        for (int i = 0; i < 3; i++) {
            assertThat(duringOutage.get(i)).succeedsWithin(PATIENCE).isEqualTo("\"done outage-" + i + "\"");
        }
        await().atMost(PATIENCE).until(() -> worker.state() == ServiceState.CONNECTED);
        assertThat(worker.status().identity()).as("a new identity after the router's KBYE").isNotEqualTo(firstIdentity);
        assertThat(client.request("default", Headers.NONE, "after")).succeedsWithin(PATIENCE)
                .isEqualTo("\"done after\"");
    }

    /** Whether a router could be started on {@code settings}' ports: JeroMQ frees a closed socket's port a moment later. */
    private boolean bound(RouterSettings settings) {
        try {
            startRouter(settings);
            return true;
        } catch (IllegalArgumentException portStillTaken) {
            return false;
        }
    }

    /** A started router, closed after the worker and the client. */
    private Router startRouter(RouterSettings settings) {
        Router router = new Router(context, settings.withHeartbeat(QUICK_HEARTBEATS));
        closing.add(0, router);
        router.start();
        return router;
    }
}
