package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** WorkerService.status(): what health and metrics read, from another thread, exact. */
class WorkerStatusTest extends ScriptedRouterTest {

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseJobs() {
        release.countDown();
    }

    @Test
    void aNewServiceSaysSo() {
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 2), new Handlers());

        ServiceStatus status = worker.status();

        assertThat(status.state()).isEqualTo(ServiceState.NEW);
        assertThat(status.identity()).isNull();
        assertThat(status.sinceLastMessage()).isNull();
        assertThat(status.slots()).isEqualTo(2);
        assertThat(worker.isRunning()).isFalse();
    }

    @Test
    void jobsConnectionAndReconnectsAreCounted() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Handlers handlers = new Handlers()
                .onRequest("fail", job -> {
                    throw new IllegalStateException("no");
                })
                .onRequest("block", job -> {
                    running.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                })
                .onAnyRequest(job -> "ok");
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 2)
                .withHeartbeat(HeartbeatSettings.DISABLED), handlers, ServiceListener.NONE, InstantSource.system());
        worker.start();
        String identity = router.acceptInform().sender();
        router.expect(Command.READY);
        router.expect(Command.READY);

        router.send(identity, Message.withId(Command.REQUEST, "a", "default", "", ""));
        router.send(identity, Message.withId(Command.REQUEST, "b", "fail", "", ""));
        router.expect(Command.READY);
        router.expect(Command.READY);
        router.send(identity, Message.withId(Command.REQUEST, "c", "block", "", ""));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        ServiceStatus status = worker.status();
        assertThat(status.state()).isEqualTo(ServiceState.CONNECTED);
        assertThat(status.isConnected()).isTrue();
        assertThat(status.identity()).isEqualTo(identity);
        assertThat(status.address()).isEqualTo(router.endpoint());
        assertThat(status.connectedSince()).isNotNull();
        assertThat(status.jobsSucceeded()).isEqualTo(1);
        assertThat(status.jobsFailed()).isEqualTo(1);
        assertThat(status.runningJobs()).isEqualTo(1);
        assertThat(status.reconnects()).isZero();

        router.send(identity, Message.of(Command.KBYE));
        router.acceptInform();
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.status().reconnects() == 1);
        assertThat(worker.status().identity()).isNotEqualTo(identity);
        assertThat(worker.status().connectedSince()).isNotNull();
    }

    @Test
    void anErrorInTheListenerDoesNotEndTheService() {
        ServiceListener failing = new ServiceListener() {
            @Override
            public void messageReceived(Message message) {
                throw new AssertionError("a listener that breaks its contract");
            }
        };
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 1)
                .withHeartbeat(HeartbeatSettings.DISABLED), new Handlers().onAnyRequest(job -> "ok"), failing,
                InstantSource.system());
        worker.start();
        String identity = router.acceptInform().sender();
        router.expect(Command.READY);

        router.send(identity, Message.withId(Command.REQUEST, "a", "default", "reply-requested", ""));

        assertThat(router.expect(Command.REPLY).frame(1)).isEqualTo("a");
        assertThat(worker.status().failure()).isNull();
        assertThat(worker.isRunning()).isTrue();
    }
}
