package io.eventmq.router;

import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.testing.RawDealer;

/** The router forwards payloads and results as bytes, whatever they are, and reads queue names as UTF-8 text. */
class RouterOpaqueFramesTest {

    private static final String QUEUE = "\u00e9t\u00e9 \u2603";
    private static final byte[] OPAQUE = {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0xC3, '\n', (byte) 0x80, 'x'};

    private final RouterFixture fixture = new RouterFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void payloadAndResultBytesArriveUnchangedOnANonAsciiQueue() {
        RawDealer worker = fixture.worker("worker-1", "[[10, \"" + QUEUE + "\"]]", 1);
        RawDealer client = fixture.frontend("client-1");
        byte[][] request = {new byte[0], utf8("eMQP/1.0"), utf8("REQUEST"), utf8("m-1"), utf8(QUEUE),
                utf8("reply-requested"), OPAQUE};

        client.sendBytes(request);

        assertThat(worker.receiveBytes()).as("the REQUEST as the client sent it").containsExactly(request);
        await().atMost(WAIT).until(() -> fixture.heard("dispatched " + QUEUE + " worker-1 m-1"));
        byte[] result = new byte[OPAQUE.length + 2];
        result[0] = '{';
        System.arraycopy(OPAQUE, 0, result, 1, OPAQUE.length);
        result[result.length - 1] = '}';
        worker.sendBytes(new byte[0], utf8("eMQP/1.0"), utf8("REPLY"), utf8("r-1"), result, utf8("m-1"));
        assertThat(client.receive("REPLY")).as("receipt").endsWith("m-1");
        List<byte[]> reply = client.receiveBytes();
        assertThat(reply.get(4)).as("the result as the worker sent it").isEqualTo(result);
        assertThat(reply.get(5)).isEqualTo(utf8("m-1"));
    }

    @Test
    void theAdminJsonCarriesANonAsciiQueueNameAsUtf8() {
        fixture.worker("worker-1", "[[10, \"" + QUEUE + "\"]]", 1);

        assertThat(fixture.ask("ROUTER_SHOW_WORKERS").get("connected_workers").get("worker-1").toString())
                .contains(QUEUE);
    }

    @Test
    void aRequestWhoseQueueIsNotUtf8IsInvalid() {
        RawDealer client = fixture.frontend("client-1");

        client.sendBytes(new byte[0], utf8("eMQP/1.0"), utf8("REQUEST"), utf8("m-1"), OPAQUE, new byte[0],
                new byte[0]);

        await().atMost(WAIT).until(() -> fixture.router.drops(DropReason.INVALID_FRONTEND) == 1);
        assertThat(fixture.router.status().waiting()).isEmpty();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
