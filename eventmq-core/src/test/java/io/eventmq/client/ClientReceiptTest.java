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
import org.zeromq.ZContext;
import org.zeromq.ZMQException;

import io.eventmq.protocol.Headers;
import io.eventmq.router.Router;
import io.eventmq.router.RouterSettings;
import io.eventmq.testing.FreePort;

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
        RawFrontend silent = frontend("tcp://127.0.0.1:*");
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

        RawFrontend late = frontend(address);
        RawFrontend.Request request = late.next();
        late.receipt(request);
        late.result(request, "{\"value\": \"answered\"}");

        assertThat(result).succeedsWithin(WAIT).isEqualTo("\"answered\"");
        assertThat(client.status().connected()).isTrue();
    }

    @Test
    void whenTheConnectionClosesATakenRequestFailsWithRouterLostAndAnUnconfirmedOneReachesTheNextRouterOnce() {
        RawFrontend first = frontend("tcp://127.0.0.1:*");
        Client client = client(ClientSettings.DEFAULTS.withAddress(first.endpoint)
                .withReceiptTimeout(Duration.ofSeconds(5)).withRequestTimeout(Duration.ofSeconds(20)));
        CompletableFuture<String> taken = client.request("default", Headers.NONE, "taken");
        first.receipt(first.next());
        CompletableFuture<String> unconfirmed = client.request("default", Headers.NONE, "unconfirmed");
        RawFrontend.Request before = first.next();

        first.close();

        assertThat(taken).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(RouterLostException.class).withMessageContaining("closed after it took");
        RawFrontend second = await().atMost(WAIT).ignoreException(ZMQException.class)
                .until(() -> frontend(first.endpoint), bound -> true);
        RawFrontend.Request again = second.next();
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
        RawFrontend silent = frontend("tcp://127.0.0.1:*");
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

    private RawFrontend frontend(String address) {
        RawFrontend frontend = new RawFrontend(context, address);
        closing.add(frontend);
        return frontend;
    }
}
