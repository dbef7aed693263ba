package io.eventmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.router.DropReason;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;
import io.eventmq.testing.FreePort;
import io.eventmq.testing.RawDealer;

/** Our client against our router, with raw DEALERs playing the workers. */
class ClientRouterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ECHO = JobPayload.of("jobs", "echo", List.of(1), Map.of()).encode();

    private final ZContext context = new ZContext();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private RouterEndpoints endpoints;
    private Router router;

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        context.close();
    }

    private void startRouter(RouterSettings settings) {
        router = new Router(context, settings.withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*",
                "tcp://127.0.0.1:*"));
        closing.add(router);
        endpoints = router.start();
    }

    private Client client(ClientSettings settings) {
        Client client = new Client(context, settings.withAddress(endpoints.frontend()));
        closing.add(client);
        client.start();
        return client;
    }

    private RawDealer worker(String id, String queues, int slots) {
        RawDealer worker = new RawDealer(context, endpoints.backend(), id);
        closing.add(worker);
        return worker.joinAsWorker(queues, slots);
    }

    @Test
    void requestCompletesWithTheWorkersForwardedResult() throws Exception {
        startRouter(RouterSettings.DEFAULTS);
        RawDealer worker = worker("worker-1", "", 1);
        Client client = client(ClientSettings.DEFAULTS);

        CompletableFuture<String> result = client.request("default", Headers.NONE, ECHO);

        List<String> request = worker.receive("REQUEST");
        assertThat(request.subList(4, 7)).containsExactly("default", "reply-requested", ECHO);
        worker.sendMessage("REPLY", "reply-1", "{\"value\": {\"echo\": 1}}", request.get(3));
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("{\"echo\": 1}");
    }

    @Test
    void anErrorResultFailsTheFuture() {
        startRouter(RouterSettings.DEFAULTS);
        RawDealer worker = worker("worker-1", "", 1);
        Client client = client(ClientSettings.DEFAULTS);

        CompletableFuture<String> result = client.request("default", Headers.NONE, ECHO);

        String msgid = worker.receive("REQUEST").get(3);
        worker.sendMessage("REPLY", "reply-1",
                "{\"value\": null, \"error\": {\"type\": \"ValueError\", \"message\": \"boom\"}}", msgid);
        assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(JobFailedException.class, failure -> {
                    assertThat(failure.msgid()).isEqualTo(msgid);
                    assertThat(failure.type()).isEqualTo("ValueError");
                    assertThat(failure.getMessage()).contains("boom");
                });
    }

    @Test
    void aRequestWithoutResultTimesOut() {
        startRouter(RouterSettings.DEFAULTS);
        Client client = client(ClientSettings.DEFAULTS.withRequestTimeout(Duration.ofMillis(300)));

        CompletableFuture<String> result = client.request("default", Headers.NONE, ECHO);

        assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TimeoutException.class).hasMessageContaining("no result for REQUEST");
    }

    @Test
    void aRequestBeyondTheQueuesHighWaterMarkGetsAnErrorReply() {
        startRouter(RouterSettings.DEFAULTS.withQueueHighWaterMark(2).withPerClientShare(1));
        Client client = client(ClientSettings.DEFAULTS);

        CompletableFuture<String> first = client.request("default", Headers.NONE, ECHO);
        CompletableFuture<String> second = client.request("default", Headers.NONE, ECHO);
        CompletableFuture<String> third = client.request("default", Headers.NONE, ECHO);

        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(JobFailedException.class,
                        failure -> assertThat(failure.type()).isEqualTo("QueueFull"));
        assertThat(router.drops(DropReason.QUEUE_FULL)).isEqualTo(1);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
    }

    @Test
    void aBufferedRequestIsServedWhenAWorkerIsReady() throws Exception {
        startRouter(RouterSettings.DEFAULTS);
        RawDealer worker = worker("worker-1", "[[10, \"default\"]]", 0);
        Client client = client(ClientSettings.DEFAULTS);
        CompletableFuture<String> result = client.request("default", Headers.NONE, ECHO);
        assertThat(worker.poll(Duration.ofMillis(200))).as("no slot, no REQUEST").isNull();

        worker.ready(1);

        List<String> request = worker.receive("REQUEST");
        worker.sendMessage("REPLY", "reply-1", "{\"value\": 42}", request.get(3));
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("42");
    }

    @Test
    void fireAndForgetAndDeferReachTheWorker() {
        startRouter(RouterSettings.DEFAULTS);
        RawDealer worker = worker("worker-1", "", 2);
        Client client = client(ClientSettings.DEFAULTS);

        String sent = client.send("default", Headers.NONE.withGuarantee(true), ECHO);
        String deferred = client.defer("jobs", "echo", List.of(1), Map.of());

        assertThat(worker.receive("REQUEST")).containsExactly("", "eMQP/1.0", "REQUEST", sent, "default",
                "guarantee", ECHO);
        assertThat(worker.receive("REQUEST")).containsExactly("", "eMQP/1.0", "REQUEST", deferred, "default",
                "", ECHO);
    }

    @Test
    void scheduleAndUnscheduleReachTheSchedulerInTheReferencesFrames() {
        startRouter(RouterSettings.DEFAULTS);
        RawDealer scheduler = new RawDealer(context, endpoints.frontend(), "scheduler-1");
        closing.add(scheduler);
        scheduler.sendMessage("INFORM", "inform-s", "", "scheduler");
        scheduler.receive("ACK");
        Client client = client(ClientSettings.DEFAULTS);
        Headers guarantee = Headers.NONE.withGuarantee(true);

        String every = client.schedule("default", guarantee, Duration.ofMinutes(1), ECHO);
        String byCron = client.schedule("email", guarantee, "*/5 * * * *", ECHO);
        String stop = client.unschedule("default", guarantee, ECHO);

        assertThat(scheduler.receive("SCHEDULE")).containsExactly("", "eMQP/1.0", "SCHEDULE", every, "default",
                "guarantee", "60", ECHO, "");
        assertThat(scheduler.receive("SCHEDULE")).containsExactly("", "eMQP/1.0", "SCHEDULE", byCron, "email",
                "guarantee", "-1", ECHO, "*/5 * * * *");
        assertThat(scheduler.receive("UNSCHEDULE")).containsExactly("", "eMQP/1.0", "UNSCHEDULE", stop, "default",
                "guarantee", "-1", ECHO, "");
    }

    @Test
    void callsWaitWhileTheRouterIsAwayAndFailClearlyBeyondTheHighWaterMark() throws Exception {
        String address = "tcp://127.0.0.1:" + FreePort.find();
        Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(address).withSocketOptions(
                ClientSettings.DEFAULTS.socketOptions().withHighWaterMarks(5, 1000)));
        closing.add(client);
        client.start();

        CompletableFuture<String> early = client.request("default", Headers.NONE, ECHO);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                client.send("default", Headers.NONE, ECHO);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("high-water mark");

        router = new Router(context, RouterSettings.DEFAULTS.withAddresses(address, "tcp://127.0.0.1:*",
                "tcp://127.0.0.1:*"));
        closing.add(router);
        endpoints = router.start();
        RawDealer worker = worker("worker-1", "", 1);
        List<String> request = worker.receive("REQUEST");
        assertThat(request.get(5)).as("the oldest call, the request(), comes first").isEqualTo("reply-requested");
        worker.sendMessage("REPLY", "reply-1", "{\"value\": \"late but there\"}", request.get(3));
        assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo("\"late but there\"");
    }

    @Test
    void aClosedClientRefusesCalls() {
        startRouter(RouterSettings.DEFAULTS);
        Client client = client(ClientSettings.DEFAULTS);
        CompletableFuture<String> pending = client.request("default", Headers.NONE, ECHO);

        client.close();

        assertThatThrownBy(() -> client.send("default", Headers.NONE, ECHO))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        await().atMost(WAIT).until(pending::isCompletedExceptionally);
    }
}
