package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.testing.RawDealer;

/** Malformed input on each socket is counted and ignored; the router keeps routing. */
class RouterMalformedTest {

    private static final List<List<String>> BAD_ENVELOPES = List.of(
            List.of("garbage"),
            List.of("", "eMQP/1.0"),
            List.of("", "eMQP/1.0", "READY"),
            List.of("not empty", "eMQP/1.0", "READY", "m1"),
            List.of("", "eMQP/0.9", "READY", "m2"),
            List.of("", "eMQP/1.0", "", "m3"));

    private final RouterFixture fixture = new RouterFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void malformedMessagesOnEverySocketAreCountedAndIgnored() {
        RawDealer worker = fixture.worker("worker-1", "", 0);
        RawDealer client = fixture.frontend("client");
        RawDealer admin = fixture.admin();
        for (List<String> frames : BAD_ENVELOPES) {
            worker.send(frames);
            client.send(frames);
            admin.send(frames);
        }
        worker.sendMessage("INFORM", "bad-inform", "not json", "worker");
        worker.sendMessage("INFORM", "bad-weights", "[[\"ten\", \"default\"]]", "worker");
        worker.sendMessage("INFORM", "short-inform", "");
        worker.sendMessage("SCHEDULE", "not-for-workers", "default", "", "60", JOB, "");
        worker.sendMessage("REPLY", "short-reply", "{\"value\": 1}");
        client.sendMessage("REQUEST", "short-request", "default");
        client.sendMessage("SCHEDULE", "short-schedule", "default", "");
        client.sendMessage("INFORM", "worker-on-frontend", "", "worker");
        client.sendMessage("NONSENSE", "unknown-command");
        admin.sendMessage("REQUEST", "not-for-admins", "default", "", JOB);

        int envelopes = BAD_ENVELOPES.size();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.router.drops(DropReason.INVALID_BACKEND)).isEqualTo(envelopes + 5);
            assertThat(fixture.router.drops(DropReason.INVALID_FRONTEND)).isEqualTo(envelopes + 4);
            assertThat(fixture.router.drops(DropReason.INVALID_ADMIN)).isEqualTo(envelopes + 1);
        });
        assertThat(worker.poll(Duration.ofMillis(200))).as("no answer to malformed input").isNull();
        assertThat(fixture.events).filteredOn(event -> event.startsWith("dropped INVALID_")).hasSize(
                3 * envelopes + 10);

        worker.ready(1);
        client.sendMessage("REQUEST", "good", "default", "", JOB);
        assertThat(worker.receive("REQUEST").get(3)).isEqualTo("good");
        RouterSessionTest.assertReply(client.receive(), "good");
        assertThat(fixture.freeSlots("worker-1")).isZero();
        assertThat(fixture.router.isRunning()).isTrue();
    }
}
