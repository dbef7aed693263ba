package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** Heartbeats flow on the I/O thread, whatever the job threads do. */
class WorkerHeartbeatTest extends ScriptedRouterTest {

    private final RecordingListener listener = new RecordingListener();
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        Handlers handlers = new Handlers().onAnyRequest(job -> {
            running.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return "done";
        });
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 1)
                .withHeartbeat(TestSettings.FAST_HEARTBEATS), handlers, listener, InstantSource.system());
    }

    @Test
    void aJobLongerThanFiveHeartbeatIntervalsKeepsTheConnectionAlive() throws Exception {
        worker.start();
        Message inform = router.acceptInform();
        String identity = inform.sender();
        router.expect(Command.READY);
        router.send(identity, TestSettings.request("long-job", "reply-requested", ""));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        int heartbeats = 0;
        while (heartbeats < 8) {
            Message message = router.receive(ScriptedRouter.WAIT);
            assertThat(message).as("a message within %s", ScriptedRouter.WAIT).isNotNull();
            assertThat(message.command()).isEqualTo(Command.HEARTBEAT);
            assertThat(message.sender()).isEqualTo(identity);
            assertThat(Double.parseDouble(message.frame(0)) * 1000)
                    .isCloseTo(System.currentTimeMillis(), Offset.offset(10_000.0));
            router.send(identity, Message.of(Command.HEARTBEAT, message.frame(0)));
            heartbeats++;
        }
        release.countDown();

        Message reply = router.expect(Command.REPLY);
        assertThat(reply.sender()).isEqualTo(identity);
        assertThat(reply.body()).containsExactly("{\"value\": \"done\"}", "long-job");
        assertThat(router.expect(Command.READY).sender()).isEqualTo(identity);
        assertThat(listener.reconnects).isEmpty();
        assertThat(worker.status().identity()).isEqualTo(identity);
        assertThat(worker.state()).isEqualTo(ServiceState.CONNECTED);
    }
}
