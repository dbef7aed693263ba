package io.eventmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.Message;
import io.eventmq.router.Router;
import io.eventmq.router.RouterSettings;
import io.eventmq.testing.FreePort;
import io.eventmq.testing.RawFrames;

/**
 * Receipts and a lost router: no receipt within the receipt timeout of reaching a router fails a REQUEST with
 * RouterLost; a router that is away only makes it wait; when the connection closes, a REQUEST the router took
 * fails with RouterLost at once and an unconfirmed one reaches the next router, once.
 */
@Timeout(30)
class ClientReceiptTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ZContext context = new ZContext();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        context.close();
    }

    @Test
    void aRouterThatNeverConfirmsTheRequestFailsItWithRouterLostAfterTheReceiptTimeout() {
        Frontend silent = new Frontend("tcp://127.0.0.1:*");
        Client client = client(ClientSettings.DEFAULTS.withAddress(silent.endpoint)
                .withReceiptTimeout(Duration.ofMillis(300)));

        CompletableFuture<String> result = client.request("default", Headers.NONE, "job");

        assertThat(silent.next().payload()).isEqualTo("job");
        assertThat(result).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(RouterLostException.class).withMessageContaining("RouterLost")
                .withMessageContaining("no receipt");
        assertThat(client.status().awaitingResults()).isZero();
        assertThat(client.status().timedOut()).isEqualTo(1);
    }

    @Test
    void withoutARouterTheRequestWaitsAndTimesOutSayingTheRouterIsUnreachable() {
        Client client = client(ClientSettings.DEFAULTS.withAddress("tcp://127.0.0.1:" + FreePort.find())
                .withReceiptTimeout(Duration.ofMillis(100)).withRequestTimeout(Duration.ofSeconds(1)));

        CompletableFuture<String> result = client.request("default", Headers.NONE, "job");

        assertThat(result).failsWithin(WAIT).withThrowableThat().havingCause().isInstanceOf(TimeoutException.class)
                .withMessageContaining("is unreachable");
        assertThat(client.status().connected()).isFalse();
    }

    @Test
    void aRequestMadeBeforeTheRouterIsUpIsAnsweredOnceItIs() {
        String address = "tcp://127.0.0.1:" + FreePort.find();
        Client client = client(ClientSettings.DEFAULTS.withAddress(address).withReceiptTimeout(Duration.ofMillis(200)));
        CompletableFuture<String> result = client.request("default", Headers.NONE, "early");

        Frontend late = new Frontend(address);
        Request request = late.next();
        late.receipt(request);
        late.result(request, "{\"value\": \"answered\"}");

        assertThat(result).succeedsWithin(WAIT).isEqualTo("\"answered\"");
        assertThat(client.status().connected()).isTrue();
    }

    @Test
    void whenTheConnectionClosesATakenRequestFailsWithRouterLostAndAnUnconfirmedOneReachesTheNextRouterOnce() {
        Frontend first = new Frontend("tcp://127.0.0.1:*");
        Client client = client(ClientSettings.DEFAULTS.withAddress(first.endpoint)
                .withReceiptTimeout(Duration.ofSeconds(5)).withRequestTimeout(Duration.ofSeconds(20)));
        CompletableFuture<String> taken = client.request("default", Headers.NONE, "taken");
        first.receipt(first.next());
        CompletableFuture<String> unconfirmed = client.request("default", Headers.NONE, "unconfirmed");
        Request before = first.next();

        first.close();

        assertThat(taken).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(RouterLostException.class).withMessageContaining("closed after it took");
        Frontend second = await().atMost(WAIT).ignoreException(ZMQException.class)
                .until(() -> new Frontend(first.endpoint), bound -> true);
        Request again = second.next();
        assertThat(again.msgid()).isEqualTo(before.msgid());
        assertThat(again.payload()).isEqualTo("unconfirmed");
        second.receipt(again);
        second.result(again, "{\"value\": 2}");
        assertThat(unconfirmed).succeedsWithin(WAIT).isEqualTo("2");
        assertThat(second.poll(Duration.ofMillis(300))).as("sent again once, the taken one not at all").isNull();
        assertThat(client.status().resent()).isEqualTo(1);
        assertThat(client.status().awaitingResults()).isZero();
    }

    @Test
    void aReceiptedRequestWaitsForItsResultUntilTheRequestTimeout() {
        Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses("tcp://127.0.0.1:*",
                "tcp://127.0.0.1:*", "tcp://127.0.0.1:*"));
        closing.add(router);
        String frontend = router.start().frontend();
        Client client = client(ClientSettings.DEFAULTS.withAddress(frontend)
                .withReceiptTimeout(Duration.ofSeconds(1)).withRequestTimeout(Duration.ofSeconds(2)));

        CompletableFuture<String> result = client.request("default", Headers.NONE, "job");

        assertThat(result).failsWithin(WAIT).withThrowableThat().havingCause().isInstanceOf(TimeoutException.class)
                .withMessageNotContaining("unreachable");
    }

    @Test
    void aZeroReceiptTimeoutWaitsForTheResultOnly() {
        Frontend silent = new Frontend("tcp://127.0.0.1:*");
        Client client = client(ClientSettings.DEFAULTS.withAddress(silent.endpoint).withReceiptTimeout(Duration.ZERO)
                .withRequestTimeout(Duration.ofMillis(500)));

        CompletableFuture<String> result = client.request("default", Headers.NONE, "job");

        assertThat(result).failsWithin(WAIT).withThrowableThat().havingCause().isInstanceOf(TimeoutException.class);
    }

    private Client client(ClientSettings settings) {
        Client client = new Client(context, settings);
        closing.add(client);
        client.start();
        return client;
    }

    /** A REQUEST as a router's frontend reads it. */
    private record Request(String sender, String msgid, String payload) {
    }

    /** A router's frontend played by a raw ROUTER: reads REQUESTs, answers only what the test says. */
    private final class Frontend implements AutoCloseable {

        final ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
        final String endpoint;

        Frontend(String address) {
            socket.setLinger(1000);
            try {
                socket.bind(address);
            } catch (ZMQException portStillTaken) {
                socket.close();
                throw portStillTaken;
            }
            endpoint = socket.getLastEndpoint();
            closing.add(this);
        }

        Request next() {
            Request request = poll(WAIT);
            assertThat(request).as("a REQUEST").isNotNull();
            return request;
        }

        Request poll(Duration wait) {
            List<String> frames = RawFrames.receive(socket, wait);
            if (frames == null) {
                return null;
            }
            Message request = Codec.decodeRouter(frames);
            assertThat(request.command()).isEqualTo(Command.REQUEST);
            return new Request(request.sender(), request.msgid(), request.body().get(2));
        }

        void receipt(Request request) {
            send(request.sender(), Message.of(Command.REPLY, request.msgid()));
        }

        void result(Request request, String json) {
            send(request.sender(), Message.of(Command.REPLY, json, request.msgid()));
        }

        private void send(String recipient, Message message) {
            socket.sendMore(recipient);
            List<String> frames = Codec.encodeDealer(message);
            for (int i = 0; i < frames.size(); i++) {
                socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
