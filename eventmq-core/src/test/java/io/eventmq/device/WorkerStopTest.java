package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.WireJson;

/** Graceful stop and DISCONNECT: running jobs finish (or are interrupted), REPLYs, KBYE, close. */
class WorkerStopTest extends ScriptedRouterTest {

    private final RecordingListener listener = new RecordingListener();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private CountDownLatch running;

    private String startWithBlockingJobs(ServiceSettings settings, int jobs) throws InterruptedException {
        running = new CountDownLatch(jobs);
        Handlers handlers = new Handlers().onAnyRequest(job -> {
            running.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return job.msgid();
        });
        worker = new WorkerService(context, settings, handlers, listener, InstantSource.system());
        worker.start();
        String identity = router.acceptInform().sender();
        for (int i = 0; i < settings.concurrency(); i++) {
            router.expect(Command.READY);
        }
        for (int i = 0; i < jobs; i++) {
            router.send(identity, TestSettings.request("job-" + i, "reply-requested", ""));
        }
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return identity;
    }

    @Test
    void stopLetsRunningJobsFinishSendsTheirRepliesThenKbyeThenCloses() throws Exception {
        String identity = startWithBlockingJobs(TestSettings.worker(router.endpoint(), 3), 2);

        CompletableFuture<Void> stopped = worker.stopAsync();
        assertThat(router.expect(Command.KBYE).sender()).as("KBYE first: no more work").isEqualTo(identity);
        assertThat(worker.state()).isEqualTo(ServiceState.STOPPING);
        assertThat(worker.isRunning()).isTrue();
        router.send(identity, TestSettings.request("late", "reply-requested", ""));
        Message refusal = router.expect(Command.REPLY);
        assertThat(refusal.frame(1)).isEqualTo("late");
        assertThat(WireJson.read("result", refusal.frame(0)).get("error").get("type").stringValue())
                .isEqualTo("WorkerStopping");
        router.expectNothingFor(Duration.ofMillis(300));
        assertThat(stopped).isNotDone();

        release.countDown();
        List<Message> replies = List.of(router.expect(Command.REPLY), router.expect(Command.REPLY));
        assertThat(replies).extracting(m -> m.frame(1)).containsExactlyInAnyOrder("job-0", "job-1");
        router.awaitDisconnect();
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(worker.isRunning()).isFalse();
        assertThat(worker.status().refusedRequests()).isEqualTo(1);
        assertThat(worker.status().jobsSucceeded()).isEqualTo(2);

        assertThat(worker.state()).isEqualTo(ServiceState.STOPPED);
        assertThat(listener.finished).extracting(JobReport::outcome)
                .containsExactly(JobOutcome.SUCCEEDED, JobOutcome.SUCCEEDED);
        assertThat(listener.states).endsWith(ServiceState.STOPPING, ServiceState.STOPPED);
    }

    @Test
    void jobsStillRunningWhenTheGracePeriodEndsAreInterruptedAndAnsweredWithAnError() throws Exception {
        Duration grace = Duration.ofMillis(300);
        startWithBlockingJobs(TestSettings.worker(router.endpoint(), 1).withGracePeriod(grace), 1);

        long stopping = System.nanoTime();
        assertThat(worker.stop()).as("stopped within its bound").isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isGreaterThanOrEqualTo(grace);
        assertThat(worker.state()).isEqualTo(ServiceState.STOPPED);
        router.expect(Command.KBYE);
        Message reply = router.expect(Command.REPLY);
        assertThat(reply.frame(1)).isEqualTo("job-0");
        assertThat(WireJson.read("result", reply.frame(0)).get("error").get("type").stringValue())
                .isEqualTo("Interrupted");
        router.awaitDisconnect();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("job thread interrupted").isTrue();
        assertThat(listener.finished).extracting(JobReport::outcome)
                .containsExactly(JobOutcome.INTERRUPTED);
    }

    @Test
    void disconnectFromTheRouterIsAnsweredWithKbyeAndRunningJobsStillFinish() throws Exception {
        String identity = startWithBlockingJobs(TestSettings.worker(router.endpoint(), 2), 1);

        router.send(identity, Message.of(Command.DISCONNECT));
        router.expect(Command.KBYE);
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.STOPPING);
        release.countDown();

        assertThat(router.expect(Command.REPLY).frame(1)).isEqualTo("job-0");
        router.awaitDisconnect();
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.STOPPED);
        router.expectNothingFor(Duration.ofMillis(200));
    }

    @Test
    void stopWithoutJobsSaysKbyeAndCloses() {
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 1), new Handlers());
        worker.start();
        router.acceptInform();
        router.expect(Command.READY);

        worker.stop();

        assertThat(worker.state()).isEqualTo(ServiceState.STOPPED);
        router.expect(Command.KBYE);
        router.awaitDisconnect();
        assertThat(worker.stop()).as("a second stop").isTrue();
        worker.close();
        assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startTwiceFailsAndTheFirstStartKeepsRunning() {
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 1), new Handlers());
        worker.start();
        router.acceptInform();

        assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
        assertThat(worker.isRunning()).isTrue();
        router.expect(Command.READY);
    }

    @Test
    void aStopThatOutlastsItsBoundSaysSo() throws Exception {
        startWithBlockingJobs(TestSettings.worker(router.endpoint(), 1).withGracePeriod(Duration.ofSeconds(30)), 1);

        CompletableFuture<Boolean> stop = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            stop.complete(worker.stop());
        });
        caller.start();

        assertThat(stop.get(10, TimeUnit.SECONDS)).as("a wait cut short reports false").isFalse();
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.STOPPING);
        release.countDown();
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.STOPPED);
    }

    @Test
    void aServiceStoppedBeforeItStartedCannotStart() {
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 1), new Handlers());
        worker.stop();
        assertThat(worker.state()).isEqualTo(ServiceState.STOPPED);
        assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STOPPED");
    }
}
