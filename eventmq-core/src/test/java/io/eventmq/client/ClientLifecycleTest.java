package io.eventmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import io.eventmq.protocol.Headers;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;

/** The client's lifecycle, status and bounds: nothing before start, once only, idempotent close. */
class ClientLifecycleTest {

    private static final String ANY = "tcp://127.0.0.1:*";

    private final ZContext context = new ZContext();
    private final Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses(ANY, ANY, ANY));
    private final RouterEndpoints endpoints = router.start();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-callbacks"));

    @AfterEach
    void close() {
        router.close();
        callbacks.shutdownNow();
        context.close();
    }

    @Test
    void nothingHappensBeforeStartAndStartHappensOnce() {
        Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend()));

        assertThat(client.status().identity()).isNull();
        assertThat(client.isRunning()).isFalse();
        assertThatThrownBy(() -> client.send("default", Headers.NONE, "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");

        client.start();
        assertThat(client.isRunning()).isTrue();
        assertThat(client.status().identity()).isNotNull();
        assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class);

        assertThat(client.stop()).isTrue();
        assertThat(client.stop()).as("a second stop").isTrue();
        client.close();
        assertThat(client.isRunning()).isFalse();
        assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aClientNeverStartedClosesAtOnce() {
        Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend()));

        assertThat(client.stopAsync()).isDone();
        assertThat(client.status().running()).isFalse();
    }

    @Test
    void statusCountsWhatWasSentAwaitedAndTimedOutAndFuturesCompleteOnTheGivenExecutor() throws Exception {
        try (Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend())
                .withRequestTimeout(Duration.ofMillis(300)).withMaxAwaitingResults(2), callbacks)) {
            client.start();
            CompletableFuture<String> first = client.request("nobody", Headers.NONE, "1");
            CompletableFuture<String> second = client.request("nobody", Headers.NONE, "2");
            CompletableFuture<String> third = client.request("nobody", Headers.NONE, "3");

            assertThatThrownBy(() -> third.get()).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("maxAwaitingResults");
            CompletableFuture<String> thread = first.handle((value, failure) -> Thread.currentThread().getName());
            assertThat(thread.get()).isEqualTo("my-callbacks");
            assertThatThrownBy(() -> second.get()).cause().isInstanceOf(TimeoutException.class);

            ClientStatus status = client.status();
            assertThat(status.running()).isTrue();
            assertThat(status.sent()).isEqualTo(2);
            assertThat(status.timedOut()).isEqualTo(2);
            assertThat(status.awaitingResults()).isZero();
            assertThat(status.address()).isEqualTo(endpoints.frontend());
        }
    }

    @Test
    void requestsHandedToABusyIoThreadCountTowardsTheBoundAndOneBeyondFailsAtOnce() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Executor blocking = task -> {
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            callbacks.execute(task);
        };
        try (RawFrontend frontend = new RawFrontend(context, ANY);
             Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(frontend.endpoint)
                     .withReceiptTimeout(Duration.ZERO).withMaxAwaitingResults(2), blocking)) {
            client.start();
            CompletableFuture<String> answered = client.request("default", Headers.NONE, "0");
            frontend.result(frontend.next(), "{\"value\": 0}");
            assertThat(busy.await(10, TimeUnit.SECONDS)).as("the I/O thread hands the result over").isTrue();

            CompletableFuture<String> first = client.request("default", Headers.NONE, "1");
            CompletableFuture<String> second = client.request("default", Headers.NONE, "2");
            CompletableFuture<String> beyond = client.request("default", Headers.NONE, "3");

            assertThat(beyond).as("failed in the caller, the I/O thread being busy").isCompletedExceptionally();
            assertThatThrownBy(beyond::get).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("maxAwaitingResults");
            assertThat(first).isNotDone();
            release.countDown();
            assertThat(answered.get(10, TimeUnit.SECONDS)).isEqualTo("0");
            assertThat(frontend.next().payload()).isEqualTo("1");
            assertThat(frontend.next().payload()).isEqualTo("2");
            assertThat(second).isNotDone();
        }
    }
}
