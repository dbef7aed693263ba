package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** Reset and reconnect: a silent router, failover, INFORM without ACK, KBYE, a result outliving its connection. */
class WorkerReconnectTest extends ScriptedRouterTest {

    private final RecordingListener listener = new RecordingListener();

    private void start(ServiceSettings settings, Handlers handlers) {
        worker = new WorkerService(context, settings, handlers, listener, InstantSource.system());
        worker.start();
    }

    @Test
    void aSilentRouterIsLeftForANewIdentityAndInformWithinTimeoutTimesLivenessPlusReconnectTimeout() {
        ServiceSettings settings = TestSettings.worker(router.endpoint(), 2)
                .withHeartbeat(TestSettings.FAST_HEARTBEATS);
        start(settings, new Handlers());
        Message first = router.acceptInform();
        long silentSince = System.nanoTime();
        router.expect(Command.READY);
        router.expect(Command.READY);

        Message second = router.expect(Command.INFORM);
        Duration silence = Duration.ofNanos(System.nanoTime() - silentSince);

        assertThat(second.sender()).isNotEqualTo(first.sender()).isEqualTo(worker.status().identity());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(silence).isGreaterThanOrEqualTo(settings.heartbeat().deadAfter())
                .isLessThanOrEqualTo(settings.heartbeat().deadAfter().plus(settings.reconnectTimeout()));
        assertThat(router.heartbeats()).as("heartbeats while the router was silent")
                .isNotEmpty().allMatch(hb -> hb.sender().equals(first.sender()));
        assertThat(listener.misses).startsWith(1, 2, 3);
        assertThat(listener.reconnects).containsExactly(router.endpoint());

        router.send(second.sender(), Message.of(Command.ACK, second.msgid()));
        router.expect(Command.READY);
        router.expect(Command.READY);
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.CONNECTED);
    }

    @Test
    void reconnectsAlternateBetweenAddressAndFailoverAddress() {
        try (ScriptedRouter failover = new ScriptedRouter(context)) {
            ServiceSettings settings = TestSettings.worker(router.endpoint(), 1)
                    .withHeartbeat(TestSettings.FAST_HEARTBEATS)
                    .withFailoverAddress(failover.endpoint())
                    .withReconnectTimeout(Duration.ofMillis(150));
            start(settings, new Handlers());

            String first = router.expect(Command.INFORM).sender();
            Message onFailover = failover.expect(Command.INFORM);
            assertThat(onFailover.sender()).isNotEqualTo(first);
            failover.send(onFailover.sender(), Message.of(Command.ACK, onFailover.msgid()));
            failover.expect(Command.READY);
            await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.CONNECTED);

            Message back = nextInformNotFrom(first);
            assertThat(back.sender()).isNotEqualTo(onFailover.sender()).isEqualTo(worker.status().identity());
            assertThat(listener.reconnects).startsWith(failover.endpoint(), router.endpoint());
        }
    }

    /** The first router keeps getting INFORM resends from the first identity; skip those. */
    private Message nextInformNotFrom(String identity) {
        while (true) {
            Message inform = router.expect(Command.INFORM);
            if (!inform.sender().equals(identity)) {
                return inform;
            }
        }
    }

    @Test
    void informIsSentAgainWhenNoAckComes() {
        ServiceSettings settings = TestSettings.worker(router.endpoint(), 2)
                .withReconnectTimeout(Duration.ofMillis(200));
        start(settings, new Handlers());

        Message first = router.expect(Command.INFORM);
        Message again = router.expect(Command.INFORM);
        assertThat(again.sender()).isEqualTo(first.sender());
        assertThat(again.msgid()).isNotEqualTo(first.msgid());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(worker.state()).isEqualTo(ServiceState.CONNECTING);

        router.send(again.sender(), Message.of(Command.ACK, again.msgid()));
        router.expect(Command.READY);
        router.expect(Command.READY);
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.CONNECTED);
        assertThat(listener.reconnects).isEmpty();
    }

    @Test
    void kbyeFromTheRouterResetsAndReconnects() {
        start(TestSettings.worker(router.endpoint(), 1), new Handlers());
        Message first = router.acceptInform();
        router.expect(Command.READY);

        router.send(first.sender(), Message.of(Command.KBYE));

        Message second = router.expect(Command.INFORM);
        assertThat(second.sender()).isNotEqualTo(first.sender()).isEqualTo(worker.status().identity());
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.CONNECTING);
        router.send(second.sender(), Message.of(Command.ACK, second.msgid()));
        router.expect(Command.READY);
    }

    @Test
    void aJobOutlivingItsConnectionRepliesOnTheNewOneAndItsSlotIsOfferedAfterTheAck() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(TestSettings.worker(router.endpoint(), 1), new Handlers().onAnyRequest(job -> {
            running.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return "late";
        }));
        Message first = router.acceptInform();
        router.expect(Command.READY);
        router.send(first.sender(), TestSettings.request("job-1", "reply-requested", "x"));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        router.send(first.sender(), Message.of(Command.KBYE));
        Message second = router.expect(Command.INFORM);
        release.countDown();

        Message reply = router.expect(Command.REPLY);
        assertThat(reply.sender()).isEqualTo(second.sender());
        assertThat(reply.body()).containsExactly("{\"value\": \"late\"}", "job-1");
        router.expectNothingFor(Duration.ofMillis(300));

        router.send(second.sender(), Message.of(Command.ACK, second.msgid()));
        assertThat(router.expect(Command.READY).sender()).isEqualTo(second.sender());
        router.expectNothingFor(Duration.ofMillis(300));
    }

    @Test
    void aBusySlotIsNotOfferedOnTheNewConnection() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(TestSettings.worker(router.endpoint(), 2), new Handlers().onAnyRequest(job -> {
            running.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return null;
        }));
        Message first = router.acceptInform();
        router.expect(Command.READY);
        router.expect(Command.READY);
        router.send(first.sender(), TestSettings.request("job-1", "", "x"));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        router.send(first.sender(), Message.of(Command.KBYE));
        Message second = router.acceptInform();
        router.expect(Command.READY);
        router.expectNothingFor(Duration.ofMillis(300));

        release.countDown();
        assertThat(router.expect(Command.READY).sender()).isEqualTo(second.sender());
    }
}
