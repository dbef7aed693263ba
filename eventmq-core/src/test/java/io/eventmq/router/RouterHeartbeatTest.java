package io.eventmq.router;

import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.testing.RawDealer;

/** HEARTBEAT to every worker and scheduler; silent peers forgotten; unknown workers told KBYE. */
class RouterHeartbeatTest {

    private final RouterFixture fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE
            .withHeartbeat(new HeartbeatSettings(Duration.ofMillis(100), Duration.ofMillis(2500), 3, true)));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void silentPeersAreForgottenTalkativeOnesKept() {
        RawDealer silentWorker = fixture.worker("silent-worker", "", 1);
        RawDealer talkativeWorker = fixture.worker("talkative-worker", "", 1);
        RawDealer silentScheduler = fixture.frontend("silent-scheduler");
        silentScheduler.sendMessage("INFORM", "inform-s", "", "scheduler");
        silentScheduler.receive("ACK");

        await().atMost(WAIT).until(() -> {
            talkativeWorker.receiveHeartbeat();
            talkativeWorker.sendMessage("HEARTBEAT", "hb", "1795878597.9913666");
            return fixture.heard("peerLeft WORKER silent-worker silent for")
                    && fixture.heard("peerLeft SCHEDULER silent-scheduler silent for");
        });

        assertThat(silentWorker.heartbeats()).isZero();
        assertThat(silentWorker.receiveHeartbeat()).hasSize(5);
        assertThat(silentScheduler.receiveHeartbeat()).hasSize(5);
        assertThat(fixture.heard("peerLeft WORKER talkative-worker")).isFalse();
        assertThat(fixture.freeSlots("talkative-worker")).isEqualTo(1);
        assertThat(fixture.freeSlots("silent-worker")).isEqualTo(-1);
    }

    @Test
    void aWorkerTheRouterDoesNotKnowIsToldKbye() {
        RawDealer stranger = fixture.backend("stranger");

        stranger.sendMessage("READY", "ready-1");

        assertThat(stranger.receive("KBYE")).hasSize(4);
        assertThat(fixture.router.drops(DropReason.UNKNOWN_WORKER)).isEqualTo(1);
    }

    @Test
    void anUnknownWorkerThatKeepsSendingHeartbeatsIsToldKbyeOnceThenIgnored() {
        RawDealer stranger = fixture.backend("stranger");

        stranger.sendMessage("HEARTBEAT", "hb-1", "1795878591.7025638");
        assertThat(stranger.receive("KBYE")).hasSize(4);
        for (int i = 2; i <= 20; i++) {
            stranger.sendMessage("HEARTBEAT", "hb-" + i, "1795878591.7025638");
        }

        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.UNKNOWN_WORKER) == 20);
        assertThat(stranger.poll(Duration.ofMillis(300))).as("anything after the first KBYE").isNull();
    }

    @Test
    void aToldWorkerThatInformsAgainAndIsForgottenIsToldAgain() {
        RawDealer worker = fixture.backend("returning");
        worker.sendMessage("READY", "ready-1");
        worker.receive("KBYE");
        worker.joinAsWorker("", 0);
        worker.sendMessage("KBYE", "bye");
        await().atMost(WAIT).until(() -> fixture.heard("peerLeft WORKER returning said KBYE"));

        worker.sendMessage("READY", "ready-2");

        assertThat(worker.receive("KBYE")).hasSize(4);
    }
}
