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

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WireJson;
import io.eventmq.testing.RawDealer;

/** Waiting REQUESTs expire after {@code waitingExpiry}, and one sender takes at most its fair share of a queue. */
class RouterWaitingTest {

    private RouterFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aRequestWaitingLongerThanTheExpiryIsRefusedAndNeverDispatched() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE.withWaitingExpiry(Duration.ofMillis(300))
                .withHeartbeat(new HeartbeatSettings(Duration.ofMillis(100), Duration.ofSeconds(30), 3, true)));
        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "r1", "default", "", JOB);
        RouterSessionTest.assertReply(client.receive(), "r1");

        List<String> refusal = client.receive("REPLY");

        assertThat(refusal.get(5)).isEqualTo("r1");
        assertThat(errorType(refusal)).isEqualTo("Expired");
        assertThat(fixture.router.drops(DropReason.EXPIRED)).isEqualTo(1);
        assertThat(fixture.router.status().waitingTotal()).isZero();
        RawDealer worker = fixture.worker("worker-1", "", 1);
        assertThat(worker.poll(Duration.ofMillis(300))).isNull();
    }

    @Test
    void aFloodingClientIsRefusedBeyondItsShareAndTheOthersStillGetIn() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE.withQueueHighWaterMark(4).withPerClientShare(0.5));
        RawDealer flood = fixture.frontend("flood");
        RawDealer other = fixture.frontend("other");
        for (int i = 1; i <= 3; i++) {
            flood.sendMessage("REQUEST", "flood-" + i, "default", "", JOB);
        }
        RouterSessionTest.assertReply(flood.receive(), "flood-1");
        RouterSessionTest.assertReply(flood.receive(), "flood-2");
        List<String> refusal = flood.receive("REPLY");
        assertThat(refusal.get(5)).isEqualTo("flood-3");
        assertThat(errorType(refusal)).isEqualTo("ClientShareFull");

        other.sendMessage("REQUEST", "other-1", "default", "", JOB);
        other.sendMessage("REQUEST", "other-2", "default", "", JOB);

        RouterSessionTest.assertReply(other.receive(), "other-1");
        RouterSessionTest.assertReply(other.receive(), "other-2");
        assertThat(fixture.router.drops(DropReason.CLIENT_SHARE_FULL)).isEqualTo(1);
        assertThat(fixture.router.drops(DropReason.QUEUE_FULL)).isZero();
        RawDealer worker = fixture.worker("worker-1", "", 1);
        assertThat(worker.receive("REQUEST").get(3)).isEqualTo("flood-1");
        worker.ready(1);
        await().atMost(WAIT).until(() -> fixture.router.status().waitingTotal() == 2);
        flood.sendMessage("REQUEST", "flood-4", "default", "", JOB);
        RouterSessionTest.assertReply(flood.receive(), "flood-4");
    }

    @Test
    void theSettingsRefuseAShareOutsideZeroToOneAndAnExpiryThatIsNotPositive() {
        assertThatThrownBy(() -> RouterSettings.DEFAULTS.withPerClientShare(0)).hasMessageContaining("perClientShare");
        assertThatThrownBy(() -> RouterSettings.DEFAULTS.withPerClientShare(1.5)).hasMessageContaining("perClientShare");
        assertThatThrownBy(() -> RouterSettings.DEFAULTS.withWaitingExpiry(Duration.ZERO))
                .hasMessageContaining("waitingExpiry");
        assertThat(RouterSettings.DEFAULTS.withQueueHighWaterMark(3).withPerClientShare(0.1).perClientLimit())
                .isEqualTo(1);
        assertThat(RouterSettings.DEFAULTS.perClientLimit()).isEqualTo(5_000);
    }

    private static String errorType(List<String> reply) {
        return WireJson.read("result", reply.get(4)).get("error").get("type").asString();
    }
}
