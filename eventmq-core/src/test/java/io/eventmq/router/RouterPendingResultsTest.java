package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.testing.RawDealer;

/** The router remembers dispatched REQUESTs' clients within an expiry and a limit, and says when it forgot. */
class RouterPendingResultsTest {

    private RouterFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aResultAfterTheExpiryIsCountedNotForwarded() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE
                .withHeartbeat(new HeartbeatSettings(Duration.ofMillis(100), Duration.ofSeconds(30), 3, true))
                .withPendingResults(Duration.ofMillis(300), 100));
        RawDealer worker = fixture.worker("worker-1", "", 1);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 1);
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "r1", "default", "reply-requested", JOB);
        worker.receive("REQUEST");
        RouterSessionTest.assertReply(client.receive(), "r1");

        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.PENDING_EXPIRED) == 1);
        worker.sendMessage("REPLY", "reply-1", "{\"value\": 1}", "r1");

        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.RESULT_UNMATCHED) == 1);
        assertThat(client.poll(Duration.ofMillis(200))).isNull();
    }

    @Test
    void beyondTheLimitTheOldestIsForgotten() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE.withPendingResults(Duration.ofMinutes(1), 1));
        RawDealer worker = fixture.worker("worker-1", "", 2);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 2);
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "r1", "default", "reply-requested", JOB);
        client.sendMessage("REQUEST", "r2", "default", "reply-requested", JOB);
        worker.receive("REQUEST");
        worker.receive("REQUEST");

        worker.sendMessage("REPLY", "reply-1", "{\"value\": 1}", "r1");
        worker.sendMessage("REPLY", "reply-2", "{\"value\": 2}", "r2");

        RouterSessionTest.assertReply(client.receive(), "r1");
        RouterSessionTest.assertReply(client.receive(), "r2");
        RouterSessionTest.assertReply(client.receive(), "{\"value\": 2}", "r2");
        assertThat(fixture.router.drops(DropReason.PENDING_EVICTED)).isEqualTo(1);
        assertThat(fixture.router.drops(DropReason.RESULT_UNMATCHED)).isEqualTo(1);
    }
}
