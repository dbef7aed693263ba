package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.testing.RawDealer;

/**
 * A worker that behaves as the Python reference job manager (it ignores KBYE and takes any message for a
 * heartbeat) rejoins our router after the router forgot it or restarted: the router says KBYE to it once and
 * then stays silent, so the worker's own liveness check expires and it INFORMs again.
 */
class ReferenceWorkerRejoinTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final RouterSettings QUICK = RouterFixture.RECEIPTS_AT_ONCE
            .withHeartbeat(new HeartbeatSettings(INTERVAL, TIMEOUT, 3, true));

    private final ZContext context = new ZContext();
    private Router router;
    private ReferenceLikeWorker worker;
    private RawDealer client;

    @AfterEach
    void close() {
        client.close();
        worker.close();
        router.stop();
        context.close();
    }

    @Test
    void rejoinsAfterTheRouterForgotItWhileItWasStopped() {
        RouterEndpoints endpoints = start(QUICK.withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*",
                "tcp://127.0.0.1:*"));
        worker = new ReferenceLikeWorker(context, endpoints.backend(), INTERVAL, TIMEOUT, 3);
        client = new RawDealer(context, endpoints.frontend(), "client");
        String first = worker.identity();
        serves("before");

        await().atMost(WAIT).until(() -> router.status().workers().isEmpty());
        worker.runUntil(() -> registered(worker.identity()) && !worker.identity().equals(first));

        assertThat(worker.informs()).isEqualTo(2);
        assertThat(worker.kbyes()).as("the router says KBYE to an unknown worker once").isEqualTo(1);
        assertThat(router.drops(DropReason.UNKNOWN_WORKER)).isPositive();
        serves("after");
    }

    @Test
    void rejoinsAfterTheRouterRestartedOnTheSamePorts() {
        RouterEndpoints endpoints = start(QUICK.withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*",
                "tcp://127.0.0.1:*"));
        worker = new ReferenceLikeWorker(context, endpoints.backend(), INTERVAL, TIMEOUT, 3);
        client = new RawDealer(context, endpoints.frontend(), "client");
        String first = worker.identity();
        serves("before");

        assertThat(router.stop()).isTrue();
        RouterSettings samePorts = QUICK.withAddresses(endpoints.frontend(), endpoints.backend(), endpoints.admin());
        await().atMost(WAIT).until(() -> started(samePorts));
        worker.runUntil(() -> registered(worker.identity()));

        assertThat(worker.identity()).isNotEqualTo(first);
        serves("after");
    }

    /** A client's REQUEST reaches the worker, and its result the client. */
    private void serves(String msgid) {
        worker.runUntil(() -> registered(worker.identity()));
        int before = worker.jobs();
        client.sendMessage("REQUEST", msgid, "default", "reply-requested", JOB);
        worker.runUntil(() -> worker.jobs() == before + 1);
        assertThat(client.receive("REPLY")).as("receipt").endsWith(msgid);
        assertThat(client.receive("REPLY")).as("result").endsWith("{\"value\": \"done\"}", msgid);
    }

    private boolean registered(String identity) {
        return router.status().workers().stream().anyMatch(each -> each.id().equals(identity));
    }

    private RouterEndpoints start(RouterSettings settings) {
        router = new Router(context, settings);
        return router.start();
    }

    /** Whether a router could be started on {@code settings}' ports: JeroMQ frees a closed socket's port a moment later. */
    private boolean started(RouterSettings settings) {
        try {
            start(settings);
            return true;
        } catch (IllegalArgumentException portStillTaken) {
            return false;
        }
    }
}
