package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.testing.RawDealer;

/**
 * The router holds a REQUEST's receipt for its receipt delay: a result or refusal that comes meanwhile is the
 * receipt too, else the receipt goes alone; a stopping router sends the receipts it still holds.
 */
class RouterReceiptTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private RouterFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aResultWithinTheDelayIsTheReceiptToo() {
        fixture = new RouterFixture(RouterSettings.DEFAULTS.withReceiptDelay(LONG));
        RawDealer worker = fixture.worker("worker-1", "", 1);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 1);
        RawDealer client = fixture.frontend("client");

        client.sendMessage("REQUEST", "r1", "default", "reply-requested", JOB);
        worker.receive("REQUEST");
        worker.sendMessage("REPLY", "reply-1", "{\"value\": 1}", "r1");

        RouterSessionTest.assertReply(client.receive(), "{\"value\": 1}", "r1");
        assertThat(client.poll(Duration.ofMillis(300))).as("no receipt after the result").isNull();
    }

    @Test
    void withoutAResultTheReceiptGoesAloneAfterTheDelayAndNotBefore() {
        fixture = new RouterFixture(RouterSettings.DEFAULTS.withReceiptDelay(Duration.ofMillis(400)));
        RawDealer worker = fixture.worker("worker-1", "", 1);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 1);
        RawDealer client = fixture.frontend("client");

        long sent = System.nanoTime();
        client.sendMessage("REQUEST", "dispatched", "default", "reply-requested", JOB);
        client.sendMessage("REQUEST", "buffered", "default", "reply-requested", JOB);
        worker.receive("REQUEST");

        RouterSessionTest.assertReply(client.receive(), "dispatched");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("held for the delay")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        RouterSessionTest.assertReply(client.receive(), "buffered");
        worker.sendMessage("REPLY", "reply-1", "{\"value\": 1}", "dispatched");
        RouterSessionTest.assertReply(client.receive(), "{\"value\": 1}", "dispatched");
    }

    @Test
    void aStoppingRouterSendsTheReceiptsItHolds() {
        fixture = new RouterFixture(RouterSettings.DEFAULTS.withReceiptDelay(LONG)
                .withPendingResults(Duration.ofMinutes(1), 1));
        RawDealer worker = fixture.worker("worker-1", "", 2);
        await().atMost(WAIT).until(() -> fixture.freeSlots("worker-1") == 2);
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "forgotten", "default", "reply-requested", JOB);
        client.sendMessage("REQUEST", "remembered", "default", "reply-requested", JOB);
        worker.receive("REQUEST");
        worker.receive("REQUEST");
        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.PENDING_EVICTED) == 1);

        fixture.router.stop();

        List<String> refusal = client.receive("REPLY");
        assertThat(refusal.get(4)).contains("RouterStopped");
        assertThat(refusal.get(5)).isEqualTo("remembered");
        RouterSessionTest.assertReply(client.receive(), "forgotten");
        assertThat(client.poll(Duration.ofMillis(300))).as("no receipt for the refused one").isNull();
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> RouterSettings.DEFAULTS.withReceiptDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiptDelay");
    }
}
