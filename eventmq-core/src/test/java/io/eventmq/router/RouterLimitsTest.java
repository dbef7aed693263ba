package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
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

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> envelope(String command, String msgid) {
        return List.of("", "eMQP/1.0", command, msgid);
    }
}
