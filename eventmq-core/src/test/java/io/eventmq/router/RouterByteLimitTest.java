package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static io.eventmq.router.RouterLimitsTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.testing.RawDealer;

/** Waiting REQUESTs are bounded in bytes, per queue and for the whole router, beside their count. */
class RouterByteLimitTest {

    private RouterFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aGigabyteOfRequestsForNoWorkerIsRefusedBeyondTheQueuesBudgetAndTheRouterServesOn() {
        fixture = new RouterFixture();
        RawDealer worker = fixture.worker("worker-1", "[[10, \"small\"]]", 1);
        RawDealer flood = fixture.frontend("flood");
        byte[] payload = new byte[512 * 1024];
        Arrays.fill(payload, (byte) 'x');
        byte[][] envelope = {bytes(""), bytes("eMQP/1.0"), bytes("REQUEST")};
        byte[] queue = bytes("big");
        byte[] headers = bytes("");
        for (int i = 0; i < 2_000; i++) {
            flood.sendBytes(envelope[0], envelope[1], envelope[2], bytes("big-" + i), queue, headers, payload);
        }

        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.BYTES_FULL)
                + fixture.ask("STATUS").get("waiting_messages_by_queue").path("default").asLong() == 2_000);
        long waiting = fixture.ask("STATUS").get("waiting_messages_by_queue").get("default").asLong();
        assertThat(waiting).isEqualTo((64 << 20) / (payload.length + "big-1999".length() + 3));
        assertThat(fixture.router.drops(DropReason.BYTES_FULL)).isEqualTo(2_000 - waiting);

        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "small-1", "small", "", JOB);
        assertThat(worker.receive("REQUEST").get(3)).isEqualTo("small-1");
    }

    @Test
    void theRouterWideBudgetRefusesWhatEachQueueWouldStillTake() {
        fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE.withByteLimits(10_000, 15_000));
        fixture.worker("busy", "[[10, \"a\"], [10, \"b\"]]", 0);
        RawDealer client = fixture.frontend("client");
        String payload = "x".repeat(4_000);

        for (String msgid : new String[] {"a1", "a2", "a3", "b1", "b2"}) {
            client.sendMessage("REQUEST", msgid, msgid.substring(0, 1), "", payload);
        }

        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.BYTES_FULL) == 2);
        assertThat(fixture.events).contains("refused BYTES_FULL a3", "refused BYTES_FULL b2");
        assertThat(fixture.ask("STATUS").get("waiting_messages_by_queue").toString())
                .isEqualTo("{\"a\":2,\"b\":1}");
    }
}
