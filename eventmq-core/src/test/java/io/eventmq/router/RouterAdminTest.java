package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.protocol.WireJson;
import io.eventmq.testing.RawDealer;
import tools.jackson.databind.JsonNode;

/** The admin socket: STATUS, ROUTER_SHOW_WORKERS, ROUTER_SHOW_SCHEDULERS and DISCONNECT. */
class RouterAdminTest {

    private final RouterFixture fixture = new RouterFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void helloFromTheReferenceCliIsTakenQuietly() {
        fixture.admin().sendMessage("HELLO", "hello-1");

        assertThat(fixture.ask("STATUS").has("waiting_messages_by_queue")).isTrue();
        assertThat(fixture.router.drops(DropReason.INVALID_ADMIN)).isZero();
        assertThat(fixture.heard("dropped")).isFalse();
    }

    @Test
    void statusCountsInFlightWaitingAndProcessedRequests() {
        RawDealer worker = fixture.worker("worker-1", "[[10, \"default\"]]", 1);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 1);
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "r1", "default", "", JOB);
        client.sendMessage("REQUEST", "r2", "default", "", JOB);
        worker.receive("REQUEST");
        await().atMost(WAIT).until(() -> fixture.heard("buffered default r2"));

        JsonNode status = fixture.ask("STATUS");

        assertThat(status.propertyNames()).containsExactly("inflight_messages_by_queue",
                "latency_messages_by_queue", "max_latency_messages_by_queue", "waiting_messages_by_queue",
                "processed_messages_by_queue", "processed_messages_by_worker");
        assertThat(status.get("inflight_messages_by_queue")).isEqualTo(json("{\"default\": 1}"));
        assertThat(status.get("waiting_messages_by_queue")).isEqualTo(json("{\"default\": 1}"));
        assertThat(status.get("processed_messages_by_queue")).isEqualTo(json("{\"default\": 1}"));
        assertThat(status.get("processed_messages_by_worker")).isEqualTo(json("{\"worker-1\": 1}"));
        assertThat(status.get("latency_messages_by_queue").get("default").asLong()).isNotNegative();
        assertThat(status.get("max_latency_messages_by_queue").get("default").asLong()).isNotNegative();
    }

    @Test
    void showWorkersAndSchedulersListThePeers() {
        fixture.worker("worker-1", "[[10, \"default\"], [20, \"email\"]]", 2);
        fixture.worker("worker-2", "", 0);
        RawDealer scheduler = fixture.frontend("scheduler-1");
        scheduler.sendMessage("INFORM", "inform-s", "", "scheduler");
        scheduler.receive("ACK");
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 2);

        JsonNode workers = fixture.ask("ROUTER_SHOW_WORKERS");
        JsonNode schedulers = fixture.ask("ROUTER_SHOW_SCHEDULERS");

        JsonNode first = workers.get("connected_workers").get("worker-1");
        assertThat(first.propertyNames()).containsExactly("queues", "hb", "available_slots");
        assertThat(first.get("queues")).isEqualTo(json("[[10, \"default\"], [20, \"email\"]]"));
        assertThat(first.get("hb").asDouble()).isBetween(0.0, 10.0);
        assertThat(workers.get("connected_workers").get("worker-2").get("queues"))
                .isEqualTo(json("[[10, \"default\"]]"));
        assertThat(workers.get("connected_queues")).isEqualTo(json(
                "{\"default\": [[10, \"worker-1\"], [10, \"worker-2\"]], \"email\": [[20, \"worker-1\"]]}"));
        assertThat(schedulers.get("connected_schedulers").propertyNames()).containsExactly("scheduler-1");
        assertThat(schedulers.get("connected_schedulers").get("scheduler-1").get("hb").asDouble())
                .isBetween(0.0, 10.0);
    }

    @Test
    void disconnectAcksThenSaysKbyeToEveryPeerRefusesWaitingRequestsAndStops() {
        RawDealer first = fixture.worker("worker-1", "", 0);
        RawDealer second = fixture.worker("worker-2", "", 0);
        RawDealer scheduler = fixture.frontend("scheduler-1");
        scheduler.sendMessage("INFORM", "inform-s", "", "scheduler");
        scheduler.receive("ACK");
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "waiting-1", "default", "", JOB);
        RouterSessionTest.assertReply(client.receive(), "waiting-1");

        fixture.admin().sendMessage("DISCONNECT", "admin-disconnect");

        assertThat(fixture.admin().receive("ACK").get(4)).isEqualTo("admin-disconnect");
        first.receive("KBYE");
        second.receive("KBYE");
        scheduler.receive("KBYE");
        List<String> reply = client.receive("REPLY");
        assertThat(reply.get(5)).isEqualTo("waiting-1");
        JsonNode refusal = WireJson.read("refusal", reply.get(4));
        assertThat(refusal.get("value").isNull()).isTrue();
        assertThat(refusal.get("error").get("type").asString()).isEqualTo("RouterStopped");
        await().atMost(WAIT).until(() -> !fixture.router.isRunning());
        assertThat(fixture.router.drops(DropReason.ROUTER_STOPPED)).isEqualTo(1);
    }

    private static JsonNode json(String text) {
        return WireJson.read("expected", text);
    }
}
