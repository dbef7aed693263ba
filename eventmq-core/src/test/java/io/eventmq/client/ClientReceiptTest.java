package io.eventmq.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import io.eventmq.protocol.Headers;
import io.eventmq.router.Router;
import io.eventmq.router.RouterSettings;

/** A REQUEST without the router's receipt within the receipt timeout fails with RouterLost; with it, it waits on. */
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
    void withoutARouterTheRequestFailsWithRouterLostAfterTheReceiptTimeout() throws IOException {
        Client client = client(ClientSettings.DEFAULTS.withAddress(unusedAddress())
                .withReceiptTimeout(Duration.ofMillis(300)));

        CompletableFuture<String> result = client.request("default", Headers.NONE, "job");

        assertThat(result).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(RouterLostException.class).withMessageContaining("RouterLost")
                .withMessageContaining("no receipt");
        assertThat(client.status().awaitingResults()).isZero();
        assertThat(client.status().timedOut()).isEqualTo(1);
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

        assertThat(result).failsWithin(WAIT).withThrowableThat().havingCause().isInstanceOf(TimeoutException.class);
    }

    @Test
    void aZeroReceiptTimeoutWaitsForTheResultOnly() throws IOException {
        Client client = client(ClientSettings.DEFAULTS.withAddress(unusedAddress()).withReceiptTimeout(Duration.ZERO)
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

    /** A loopback address where nothing listens. */
    private static String unusedAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
