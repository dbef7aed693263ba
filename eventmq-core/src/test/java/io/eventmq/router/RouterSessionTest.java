package io.eventmq.router;

import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WireJson;
import io.eventmq.testing.RawDealer;
import io.eventmq.testing.Vectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays the peers' side of the session recorded against the Python reference router, in order, and checks
 * that our router gives the same answers (msgids of its own messages aside), plus its receipts and the
 * forwarded result. Where two peers' messages race (they reach the router on different sockets or pipes), the
 * test waits for one to take effect before it sends the next.
 */
class RouterSessionTest {

    private final List<Vectors.Entry> session = Vectors.load(Vectors.ROUTER_SESSION);
    private final Map<String, RawDealer> peers = new HashMap<>();
    private ZContext context;
    private Router router;

    @BeforeEach
    void startRouter() {
        context = new ZContext();
        router = new Router(context, RouterFixture.RECEIPTS_AT_ONCE
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*")
                .withHeartbeat(new HeartbeatSettings(Duration.ofMillis(200), Duration.ofSeconds(30), 3, true)));
        RouterEndpoints endpoints = router.start();
        peers.put("worker", new RawDealer(context, endpoints.backend(), "worker-1"));
        peers.put("worker2", new RawDealer(context, endpoints.backend(), "worker-2"));
        peers.put("client", new RawDealer(context, endpoints.frontend(), "client-1"));
        peers.put("scheduler", new RawDealer(context, endpoints.frontend(), "scheduler-1"));
        peers.put("admin", new RawDealer(context, endpoints.admin(), "admin-1"));
    }

    @AfterEach
    void stopRouter() {
        router.stop();
        peers.values().forEach(RawDealer::close);
        context.close();
    }

    @Test
    void answersTheRecordedSessionLikeTheReference() {
        replay(0);
        expect(1);

        replay(2);
        assertReply(peer("client").receive(), "req-msgid-1");

        replay(3);
        expect(7);
        isRecentTimestamp(peer("worker").receiveHeartbeat());

        replay(5);
        replay(6);
        expect(12);
        assertReply(peer("client").receive(), "req-msgid-2");

        replay(8);
        assertReply(peer("client").receive(), "{\"value\": {\"echo\": 1}}", "req-msgid-1");

        replay(9);
        replay(10);
        expect(11);
        assertThat(peer("worker").receive()).as("the REQUEST for an unknown queue, from the default queue")
                .isEqualTo(framesOf(10));

        replay(13);
        JsonNode status = adminReply(14);
        assertThat(status.get("inflight_messages_by_queue").toString()).isEqualTo("{\"default\":2}");
        assertThat(status.get("waiting_messages_by_queue").toString()).isEqualTo("{}");
        assertThat(status.get("processed_messages_by_queue").toString()).isEqualTo("{\"default\":2,\"email\":1}");
        assertThat(status.get("processed_messages_by_worker").toString()).isEqualTo("{\"worker-1\":3}");
        assertThat(status.get("max_latency_messages_by_queue").get("default").asLong())
                .isGreaterThanOrEqualTo(status.get("latency_messages_by_queue").get("default").asLong());

        replay(15);
        JsonNode workers = adminReply(16);
        assertThat(workers.get("connected_workers").get("worker-1").get("hb").isDouble()).isTrue();
        assertThat(withoutHb(workers)).isEqualTo(withoutHb(WireJson.read("vector", frameOf(16, 4))));

        replay(17);
        assertThat(peer("admin").receive().get(4)).isEqualTo(frameOf(18, 4));

        replay(20);
        replay(21);
        expect(22);
        replay(23);
        expect(24);
        replay(25);
        expect(26);

        replay(27);
        replay(28);
        await().atMost(WAIT).until(() -> router.drops(DropReason.INVALID_BACKEND) == 1
                && router.drops(DropReason.INVALID_FRONTEND) == 1);
        replay(29);
        await().atMost(WAIT).until(() -> router.drops(DropReason.INVALID_BACKEND) == 2);
        replay(31);
        await().atMost(WAIT).untilAsserted(() -> {
            replay(32);
            assertThat(frameOf(33, 4)).as("the reference keeps the queues of departed workers forever")
                    .endsWith("\"connected_queues\": {\"default\": [], \"email\": []}}");
            assertThat(peer("admin").receive().get(4)).as("no worker after KBYE; unlike the reference, no queue")
                    .isEqualTo("{\"connected_workers\": {}, \"connected_queues\": {}}");
        });
        assertThat(peer("worker").poll(Duration.ofMillis(300))).as("no ACK for the invalid INFORM").isNull();

        replay(34);
        expect(35);
        replay(36);
        expect(37);
        expect(38);
        expect(39);
        await().atMost(WAIT).until(() -> !router.isRunning());
    }

    private RawDealer peer(String name) {
        return peers.get(name);
    }

    private void replay(int index) {
        Vectors.Entry entry = session.get(index);
        assertThat(entry.dir()).as("entry %s", index).isEqualTo("to-router");
        peer(entry.peer()).send(entry.frames());
    }

    /** The recorded answer's peer receives the same frames; our own msgid may differ. */
    private void expect(int index) {
        Vectors.Entry entry = session.get(index);
        assertThat(entry.dir()).as("entry %s", index).isEqualTo("from-router");
        List<String> actual = peer(entry.peer()).receive();
        List<String> expected = new ArrayList<>(entry.frames());
        if (!List.of("REQUEST", "SCHEDULE", "UNSCHEDULE").contains(expected.get(2))) {
            expected.set(3, actual.get(3));
        }
        assertThat(actual).as("answer of entry %s", index).isEqualTo(expected);
    }

    private JsonNode adminReply(int index) {
        List<String> reply = peer("admin").receive();
        assertThat(reply.subList(0, 3)).isEqualTo(session.get(index).frames().subList(0, 3));
        assertThat(reply).hasSize(5);
        JsonNode actual = WireJson.read("admin reply", reply.get(4));
        JsonNode recorded = WireJson.read("vector", frameOf(index, 4));
        assertThat(fieldNames(actual)).as("keys of entry %s", index).isEqualTo(fieldNames(recorded));
        return actual;
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static JsonNode withoutHb(JsonNode workers) {
        JsonNode copy = workers.deepCopy();
        copy.get("connected_workers").forEach(worker -> ((ObjectNode) worker).remove("hb"));
        return copy;
    }

    private static void isRecentTimestamp(List<String> heartbeat) {
        assertThat(heartbeat).hasSize(5);
        double sentAt = new BigDecimal(heartbeat.get(4)).doubleValue();
        assertThat(sentAt).isCloseTo(System.currentTimeMillis() / 1000.0,
                offset(60.0));
    }

    private List<String> framesOf(int index) {
        return session.get(index).frames();
    }

    private String frameOf(int index, int frame) {
        return framesOf(index).get(frame);
    }

    /** A REPLY from the router with our own msgid and {@code body}. */
    static void assertReply(List<String> actual, String... body) {
        assertThat(actual.subList(0, 3)).isEqualTo(List.of("", "eMQP/1.0", "REPLY"));
        assertThat(actual.get(3)).isNotEmpty();
        assertThat(actual.subList(4, actual.size())).containsExactly(body);
    }
}
