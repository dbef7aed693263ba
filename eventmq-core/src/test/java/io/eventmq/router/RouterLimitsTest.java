package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.testing.RawDealer;

/** What a peer cannot make the router hold: too large messages, too many frames. */
class RouterLimitsTest {

    private final RouterFixture fixture = new RouterFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aMessageAboveTheMaximumSizeIsNotReceivedAndTheRouterServesOthers() {
        RawDealer worker = fixture.worker("worker-1", "", 2);
        RawDealer attacker = fixture.frontend("attacker");
        attacker.sendBytes(bytes(""), bytes("eMQP/1.0"), bytes("REQUEST"), bytes("big"), bytes("default"),
                bytes(""), new byte[2 << 20]);

        RawDealer client = fixture.frontend("client");
        client.sendMessage("REQUEST", "small", "default", "", JOB);

        assertThat(worker.receive("REQUEST").get(3)).isEqualTo("small");
        assertThat(worker.poll(Duration.ofMillis(300))).as("the 2 MiB REQUEST").isNull();
        assertThat(fixture.freeSlots("worker-1")).isEqualTo(1);
    }

    @Test
    void aMessageWithTooManyFramesIsCountedInvalidAndNotRouted() {
        RawDealer worker = fixture.worker("worker-1", "", 2);
        RawDealer client = fixture.frontend("client");
        List<String> frames = new ArrayList<>(envelope("REQUEST", "many-frames"));
        frames.addAll(List.of("default", "", JOB));
        frames.addAll(Collections.nCopies(100, "more"));
        client.send(frames);
        client.sendMessage("REQUEST", "small", "default", "", JOB);

        assertThat(worker.receive("REQUEST").get(3)).isEqualTo("small");
        assertThat(worker.poll(Duration.ofMillis(300))).as("the REQUEST of 107 frames").isNull();
        assertThat(fixture.router.drops(DropReason.INVALID_FRONTEND)).isEqualTo(1);
    }

    @Test
    void anInformWithAHundredThousandQueuesIsRefusedAndTheRouterGoesOn() {
        RawDealer greedy = fixture.backend("greedy");
        String queues = "[" + "[1,\"q\"],".repeat(99_999) + "[1,\"q\"]]";
        greedy.sendMessage("INFORM", "inform-greedy", queues, "worker");

        await().atMost(Duration.ofSeconds(2)).until(() -> fixture.router.drops(DropReason.INVALID_BACKEND) == 1);
        await().atMost(Duration.ofSeconds(2)).until(() -> fixture.ask("STATUS").has("waiting_messages_by_queue"));
        assertThat(greedy.poll(Duration.ofMillis(100))).as("an ACK").isNull();
        assertThat(fixture.freeSlots("greedy")).isEqualTo(-1);
    }

    @Test
    void theRouterKeepsAtMostTenThousandQueues() {
        for (int i = 0; i < 10; i++) {
            fixture.worker("worker-" + i, queues("w" + i + "-", 0, 1_000), 0);
        }
        RawDealer eleventh = fixture.backend("worker-10");
        eleventh.sendMessage("INFORM", "inform-10", queues("w10-", 0, 1), "worker");

        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.INVALID_BACKEND) == 1);
        assertThat(fixture.freeSlots("worker-10")).isEqualTo(-1);
        fixture.worker("worker-11", queues("w0-", 0, 1_000), 0);
    }

    @Test
    void theQueuesOfDepartedWorkersAreForgotten() {
        RawDealer leaving = fixture.worker("leaving", "[[10, \"a\"], [5, \"b\"]]", 1);
        fixture.worker("staying", "[[10, \"b\"]]", 1);
        assertThat(fixture.ask("ROUTER_SHOW_WORKERS").get("connected_queues").propertyNames())
                .containsExactlyInAnyOrder("a", "b");

        leaving.sendMessage("KBYE", "bye");

        await().atMost(WAIT).untilAsserted(() -> assertThat(fixture.ask("ROUTER_SHOW_WORKERS")
                .get("connected_queues").propertyNames()).containsExactly("b"));
    }

    /** A queue list of {@code count} queues named {@code prefix + number}, from {@code first}. */
    static String queues(String prefix, int first, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = first; i < first + count; i++) {
            json.append(i == first ? "" : ", ").append("[10, \"").append(prefix).append(i).append("\"]");
        }
        return json.append(']').toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> envelope(String command, String msgid) {
        return List.of("", "eMQP/1.0", command, msgid);
    }
}
