package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.testing.RawDealer;

/** Queues, weights, free slots, least recently used, waiting buffers, workers that vanish. */
class RouterRoutingTest {

    private RouterFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private static void request(RawDealer client, String msgid, String queue) {
        client.sendMessage("REQUEST", msgid, queue, "", JOB);
    }

    private static String receivedMsgid(RawDealer worker) {
        return worker.receive("REQUEST").get(3);
    }

    @Test
    void theHeavierWorkerGetsWorkWhileItHasSlotsThenTheLighterOne() {
        fixture = new RouterFixture();
        RawDealer heavy = fixture.worker("heavy", "[[20, \"default\"]]", 1);
        RawDealer light = fixture.worker("light", "[[10, \"default\"]]", 2);
        await().atMost(WAIT).until(() -> fixture.freeSlots("heavy") == 1 && fixture.freeSlots("light") == 2);
        RawDealer client = fixture.frontend("client");

        for (int i = 1; i <= 4; i++) {
            request(client, "r" + i, "default");
        }

        assertThat(receivedMsgid(heavy)).isEqualTo("r1");
        assertThat(List.of(receivedMsgid(light), receivedMsgid(light))).containsExactly("r2", "r3");
        await().atMost(WAIT).until(() -> fixture.heard("buffered default r4"));
        heavy.ready(1);
        assertThat(receivedMsgid(heavy)).isEqualTo("r4");
        assertThat(light.poll(Duration.ofMillis(200))).isNull();
    }

    @Test
    void workersOfEqualWeightTakeTurnsLeastRecentlyUsedFirst() {
        fixture = new RouterFixture();
        RawDealer first = fixture.worker("first", "", 2);
        RawDealer second = fixture.worker("second", "", 2);
        await().atMost(WAIT).until(() -> fixture.freeSlots("first") == 2 && fixture.freeSlots("second") == 2);
        RawDealer client = fixture.frontend("client");

        for (int i = 1; i <= 4; i++) {
            request(client, "r" + i, "default");
        }

        assertThat(List.of(receivedMsgid(first), receivedMsgid(first))).containsExactly("r1", "r3");
        assertThat(List.of(receivedMsgid(second), receivedMsgid(second))).containsExactly("r2", "r4");
    }

    @Test
    void readyTakesTheOldestWaitingRequestOfTheWorkersQueuesInTheWorkersOrder() {
        fixture = new RouterFixture();
        RawDealer worker = fixture.worker("worker", "[[10, \"default\"], [20, \"email\"]]", 0);
        RawDealer client = fixture.frontend("client");

        request(client, "email-1", "email");
        request(client, "unknown-queue-1", "nosuchqueue");
        request(client, "email-2", "email");
        await().atMost(WAIT).until(() -> fixture.heard("buffered email email-2"));
        assertThat(fixture.events).contains("buffered default unknown-queue-1");

        worker.ready(3);

        assertThat(List.of(receivedMsgid(worker), receivedMsgid(worker), receivedMsgid(worker)))
                .containsExactly("unknown-queue-1", "email-1", "email-2");
        assertThat(fixture.events).filteredOn(event -> event.startsWith("waiting ")).containsExactly(
                "waiting email 1", "waiting default 1", "waiting email 2",
                "waiting default 0", "waiting email 1", "waiting email 0");
        for (String msgid : List.of("email-1", "unknown-queue-1", "email-2")) {
            RouterSessionTest.assertReply(client.receive(), msgid);
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheRouter() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE, new RouterListener() {
            @Override
            public void dispatched(String queue, String workerId, String msgid) {
                throw new IllegalStateException("metrics broke");
            }
        });
        RawDealer worker = fixture.worker("worker-1", "", 2);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 2);
        RawDealer client = fixture.frontend("client");

        request(client, "r1", "default");
        request(client, "r2", "default");

        assertThat(List.of(receivedMsgid(worker), receivedMsgid(worker))).containsExactly("r1", "r2");
        assertThat(fixture.router.isRunning()).isTrue();
    }

    @Test
    void aListenerThatThrowsAnErrorDoesNotStopTheRouter() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE, new RouterListener() {
            @Override
            public void dispatched(String queue, String workerId, String msgid) {
                throw new AssertionError("metrics broke badly");
            }
        });
        RawDealer worker = fixture.worker("worker-1", "", 2);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 2);
        RawDealer client = fixture.frontend("client");

        request(client, "r1", "default");
        request(client, "r2", "default");

        assertThat(List.of(receivedMsgid(worker), receivedMsgid(worker))).containsExactly("r1", "r2");
        worker.ready(1);
        request(client, "r3", "default");
        assertThat(receivedMsgid(worker)).isEqualTo("r3");
        assertThat(fixture.router.isRunning()).isTrue();
    }

    @Test
    void aWorkerThatVanishesLosesNoUndispatchedRequest() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE.withHeartbeat(HeartbeatSettings.DISABLED));
        RawDealer vanishing = fixture.worker("vanishing", "", 50);
        await().atMost(WAIT).until(() -> fixture.freeSlots("vanishing") == 50);
        RawDealer client = fixture.frontend("client");
        List<String> sent = new ArrayList<>();

        vanishing.close();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            String msgid = "r" + sent.size();
            sent.add(msgid);
            request(client, msgid, "default");
            return fixture.heard("peerLeft WORKER vanishing gone: a REQUEST could not be sent");
        });

        List<String> undispatched = new ArrayList<>(sent);
        undispatched.removeIf(msgid -> fixture.events.contains("dispatched default vanishing " + msgid));
        assertThat(undispatched).isNotEmpty();
        await().atMost(WAIT).until(() -> fixture.heard("buffered default " + sent.get(sent.size() - 1)));
        RawDealer successor = fixture.worker("successor", "", undispatched.size());
        List<String> received = new ArrayList<>();
        for (int i = 0; i < undispatched.size(); i++) {
            received.add(receivedMsgid(successor));
        }
        assertThat(received).containsExactlyElementsOf(undispatched);
    }
}
