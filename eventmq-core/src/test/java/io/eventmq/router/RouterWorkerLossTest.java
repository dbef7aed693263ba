package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.ResultFrame;
import io.eventmq.protocol.WireJson;
import io.eventmq.testing.RawDealer;

/**
 * A lost worker's REQUESTs: a guaranteed one is dispatched again and answered once, any other fails at once with
 * WorkerLost; a REPLY counts only from the worker the REQUEST went to.
 */
class RouterWorkerLossTest {

    private static final List<String> GUARANTEED = List.of("g1", "g2", "g3", "g4");
    private static final List<String> PLAIN = List.of("p1", "p2", "p3", "p4");

    private RouterFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aWorkerClosedAbruptlyHasItsGuaranteedRequestsServedByAnotherAndThePlainOnesFailed() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE.withHeartbeat(
                new HeartbeatSettings(Duration.ofMillis(100), Duration.ofSeconds(30), 3, true)));
        RawDealer first = fixture.worker("worker-1", "", 8);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 8);
        RawDealer client = sendEight();
        receiveRequests(first, 8);
        RawDealer second = fixture.worker("worker-2", "", 4);
        RawDealer other = fixture.worker("worker-3", "", 0);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-2") == 4);

        first.close();

        assertThat(receiveRequests(second, 4)).containsExactlyElementsOf(GUARANTEED);
        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.WORKER_LOST) == 4);
        assertThat(fixture.router.status().inFlight()).isEqualTo(4);
        RawDealer late = fixture.backend("worker-1");
        late.sendMessage("REPLY", "late-g1", "{\"value\": \"late\"}", "g1");
        other.sendMessage("REPLY", "wrong-g2", "{\"value\": \"wrong\"}", "g2");
        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.LATE_REPLY) == 1
                && fixture.router.drops(DropReason.WRONG_WORKER) == 1);
        for (String msgid : GUARANTEED) {
            second.sendMessage("REPLY", "reply-" + msgid, "{\"value\": \"" + msgid + "\"}", msgid);
        }

        Map<String, List<String>> results = results(client, 8);
        for (String msgid : GUARANTEED) {
            assertThat(results.get(msgid)).containsExactly("{\"value\": \"" + msgid + "\"}");
        }
        for (String msgid : PLAIN) {
            assertThat(results.get(msgid)).singleElement().satisfies(result -> assertThat(
                    WireJson.read("result", result).get("error").get("type").asString()).isEqualTo("WorkerLost"));
        }
        assertThat(client.poll(Duration.ofMillis(200))).isNull();
        assertThat(fixture.router.status().inFlight()).isZero();
    }

    @Test
    void aSilentWorkersGuaranteedRequestsWaitAtTheHeadOfTheirQueue() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE.withHeartbeat(
                new HeartbeatSettings(Duration.ofMillis(100), Duration.ofSeconds(1), 3, true)));
        RawDealer first = fixture.worker("worker-1", "", 8);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 8);
        RawDealer client = sendEight();
        receiveRequests(first, 8);

        await().atMost(WAIT).until(() -> fixture.heard("peerLeft WORKER worker-1 silent"));
        client.sendMessage("REQUEST", "later", "default", "guarantee,reply-requested", JOB);
        await().atMost(WAIT).until(() -> fixture.router.status().waitingTotal() == 5);
        assertThat(fixture.router.status().inFlight()).isZero();
        RawDealer second = fixture.worker("worker-2", "", 4);

        assertThat(receiveRequests(second, 4)).containsExactlyElementsOf(GUARANTEED);
        assertThat(fixture.router.status().waiting()).containsEntry("default", 1);
        Map<String, List<String>> results = results(client, 4);
        assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(PLAIN);
    }

    @Test
    void aReplyFromAnotherWorkerIsDroppedAndTheRightOneForwarded() {
        fixture = new RouterFixture();
        RawDealer worker = fixture.worker("worker-1", "", 1);
        RawDealer other = fixture.worker("worker-2", "", 0);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 1 && fixture.freeSlots("worker-2") == 0);
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "r1", "default", "reply-requested", JOB);
        worker.receive("REQUEST");
        RouterSessionTest.assertReply(client.receive(), "r1");

        other.sendMessage("REPLY", "reply-wrong", "{\"value\": \"wrong\"}", "r1");
        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.WRONG_WORKER) == 1);
        worker.sendMessage("REPLY", "reply-right", "{\"value\": \"right\"}", "r1");

        RouterSessionTest.assertReply(client.receive(), "{\"value\": \"right\"}", "r1");
        assertThat(client.poll(Duration.ofMillis(200))).isNull();
    }

    @Test
    void aWorkerThatSaidKbyeIsStillHeardForItsRunningJobsAndLostWhenItIsGone() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE.withHeartbeat(
                new HeartbeatSettings(Duration.ofMillis(100), Duration.ofSeconds(30), 3, true)));
        RawDealer first = fixture.worker("worker-1", "", 2);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 2);
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "answered", "default", "guarantee,reply-requested", JOB);
        client.sendMessage("REQUEST", "unanswered", "default", "guarantee,reply-requested", JOB);
        client.receive("REPLY");
        client.receive("REPLY");
        receiveRequests(first, 2);

        first.sendMessage("KBYE", "kbye-1");
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == -1);
        first.sendMessage("REPLY", "reply-answered", "{\"value\": 1}", "answered");
        RouterSessionTest.assertReply(client.receive(), "{\"value\": 1}", "answered");
        RawDealer second = fixture.worker("worker-2", "", 1);
        first.close();

        assertThat(receiveRequests(second, 1)).containsExactly("unanswered");
        second.sendMessage("REPLY", "reply-unanswered", "{\"value\": 2}", "unanswered");
        RouterSessionTest.assertReply(client.receive(), "{\"value\": 2}", "unanswered");
    }

    @Test
    void aGuaranteedRequestAStoppingWorkerRefusedUnrunGoesToAnotherWorker() {
        fixture = new RouterFixture();
        RawDealer first = fixture.worker("worker-1", "", 1);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 1);
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "g1", "default", "guarantee,reply-requested", JOB);
        client.receive("REPLY");
        receiveRequests(first, 1);
        first.sendMessage("KBYE", "kbye-1");
        RawDealer second = fixture.worker("worker-2", "", 1);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-2") == 1);

        first.sendMessage("REPLY", "refusal", ResultFrame.refusal("WorkerStopping", "the worker is stopping"), "g1");

        assertThat(receiveRequests(second, 1)).containsExactly("g1");
        second.sendMessage("REPLY", "reply-g1", "{\"value\": 1}", "g1");
        RouterSessionTest.assertReply(client.receive(), "{\"value\": 1}", "g1");
    }

    @Test
    void aStoppingRouterRefusesTheDispatchedRequestsAsWellAsTheWaitingOnes() {
        fixture = new RouterFixture();
        RawDealer worker = fixture.worker("worker-1", "", 1);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 1);
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "dispatched", "default", "reply-requested", JOB);
        client.sendMessage("REQUEST", "waiting", "default", "reply-requested", JOB);
        worker.receive("REQUEST");
        client.receive("REPLY");
        client.receive("REPLY");

        assertThat(fixture.router.stop()).isTrue();

        Map<String, List<String>> results = results(client, 2);
        assertThat(results.keySet()).containsExactlyInAnyOrder("dispatched", "waiting");
        results.values().forEach(result -> assertThat(WireJson.read("result", result.get(0)).get("error")
                .get("type").asString()).isEqualTo("RouterStopped"));
        assertThat(fixture.router.drops(DropReason.ROUTER_STOPPED)).isEqualTo(2);
    }

    /** Four guaranteed and four plain REQUESTs, all with reply-requested, and their receipts. */
    private RawDealer sendEight() {
        RawDealer client = fixture.frontend("client");
        for (int i = 0; i < 4; i++) {
            client.sendMessage("REQUEST", GUARANTEED.get(i), "default", "guarantee,reply-requested", JOB);
            client.sendMessage("REQUEST", PLAIN.get(i), "default", "reply-requested", JOB);
        }
        for (int i = 0; i < 8; i++) {
            assertThat(client.receive("REPLY")).hasSize(5);
        }
        return client;
    }

    /** The msgids of the next {@code count} REQUESTs {@code worker} receives. */
    private static List<String> receiveRequests(RawDealer worker, int count) {
        List<String> msgids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            msgids.add(worker.receive("REQUEST").get(3));
        }
        return msgids;
    }

    /** The next {@code count} results the client receives, by REQUEST msgid. */
    private static Map<String, List<String>> results(RawDealer client, int count) {
        Map<String, List<String>> results = new HashMap<>();
        for (int i = 0; i < count; i++) {
            List<String> reply = client.receive("REPLY");
            assertThat(reply).hasSize(6);
            results.computeIfAbsent(reply.get(5), msgid -> new ArrayList<>()).add(reply.get(4));
        }
        return results;
    }
}
