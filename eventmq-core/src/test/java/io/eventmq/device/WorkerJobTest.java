package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.WireJson;
import tools.jackson.databind.JsonNode;

/**
 * What happens to a REQUEST: timeout:N, retry-count:N, no free slot, malformed frames, listeners. Heartbeats
 * are off: nothing but a message or a finished job (through the mailbox) may wake the worker, so a lost
 * wake-up shows as a missing READY, not as a late one.
 */
class WorkerJobTest extends ScriptedRouterTest {

    private final RecordingListener listener = new RecordingListener();
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger attempts = new AtomicInteger();
    private String identity;

    @AfterEach
    void tearDown() {
        release.countDown();
    }

    private void start(int concurrency, Handlers handlers) {
        ServiceSettings settings = TestSettings.worker(router.endpoint(), concurrency)
                .withHeartbeat(HeartbeatSettings.DISABLED);
        worker = new WorkerService(context, settings, handlers, listener, InstantSource.system());
        worker.start();
        identity = router.acceptInform().sender();
        for (int i = 0; i < concurrency; i++) {
            router.expect(Command.READY);
        }
    }

    private Handlers blockingHandler() {
        return new Handlers().onAnyRequest(job -> {
            running.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return "released";
        });
    }

    private static JsonNode error(Message reply) {
        return WireJson.read("result", reply.frame(0)).get("error");
    }

    @Test
    void timeoutInterruptsTheJobAndRepliesWithAnError() {
        start(1, blockingHandler());

        router.send(identity, TestSettings.request("slow", "reply-requested,timeout:1", ""));

        Message reply = router.expect(Command.REPLY);
        assertThat(reply.frame(1)).isEqualTo("slow");
        assertThat(reply.frame(0)).isEqualTo("{\"value\": \"job timed out after 1 s\", "
                + "\"error\": {\"type\": \"Timeout\", \"message\": \"job timed out after 1 s\"}}");
        router.expect(Command.READY);
        await().atMost(ScriptedRouter.WAIT).until(() -> listener.finished.size() == 1);
        assertThat(listener.finished.get(0).outcome()).isEqualTo(JobOutcome.TIMED_OUT);
        assertThat(listener.finished.get(0).error()).isEqualTo("Timeout");
        assertThat(listener.finished.get(0).handler()).as("the fallback").isEqualTo("*");
        assertThat(listener.finished.get(0).duration()).as("ran until interrupted, not failed at once")
                .isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void aTimedOutJobThatIgnoresTheInterruptKeepsItsSlotUntilItReturns() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        start(1, new Handlers().onAnyRequest(job -> {
            while (true) {
                try {
                    if (release.await(10, TimeUnit.SECONDS)) {
                        return "finally";
                    }
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            }
        }));

        router.send(identity, TestSettings.request("stubborn", "timeout:1,reply-requested", ""));
        assertThat(error(router.expect(Command.REPLY)).get("type").stringValue()).isEqualTo("Timeout");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        router.expectNothingFor(Duration.ofMillis(300));

        release.countDown();
        router.expect(Command.READY);
        router.expectNothingFor(Duration.ofMillis(200));
    }

    @Test
    void retryCountRerunsAFailingJob() {
        start(1, new Handlers().onAnyRequest(job -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("attempt " + attempts.get());
            }
            return "third time";
        }));

        router.send(identity, TestSettings.request("flaky", "reply-requested,retry-count:2", ""));

        assertThat(router.expect(Command.REPLY).body()).containsExactly("{\"value\": \"third time\"}", "flaky");
        assertThat(attempts.get()).isEqualTo(3);
        router.expect(Command.READY);
    }

    @Test
    void aJobFailingEveryRetryGetsAnErrorReply() {
        start(1, new Handlers().onAnyRequest(job -> {
            throw new IllegalArgumentException("attempt " + attempts.incrementAndGet());
        }));

        router.send(identity, TestSettings.request("broken", "retry-count:1,reply-requested", ""));

        Message reply = router.expect(Command.REPLY);
        assertThat(reply.frame(0)).isEqualTo("{\"value\": \"attempt 2\", "
                + "\"error\": {\"type\": \"IllegalArgumentException\", \"message\": \"attempt 2\"}}");
        assertThat(attempts.get()).isEqualTo(2);
        router.expect(Command.READY);
        await().atMost(ScriptedRouter.WAIT).until(() -> listener.finished.size() == 1);
        assertThat(listener.finished.get(0)).extracting(JobReport::msgid, JobReport::outcome, JobReport::error)
                .containsExactly("broken", JobOutcome.FAILED, "IllegalArgumentException");
    }

    @Test
    void aRequestWithoutAFreeSlotIsRefusedWithAnError() throws Exception {
        start(1, blockingHandler());
        router.send(identity, TestSettings.request("first", "reply-requested", ""));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        router.send(identity, TestSettings.request("second", "reply-requested", ""));

        Message refused = router.expect(Command.REPLY);
        assertThat(refused.frame(1)).isEqualTo("second");
        assertThat(error(refused).get("type").stringValue()).isEqualTo("NoFreeSlot");
        router.expectNothingFor(Duration.ofMillis(200));
        release.countDown();
        assertThat(router.expect(Command.REPLY).body()).containsExactly("{\"value\": \"released\"}", "first");
        router.expect(Command.READY);
        assertThat(listener.started).containsExactly("first");
    }

    @Test
    void malformedFramesAreCountedAMalformedHeaderAnsweredAndTheWorkerStillRunsAJob() {
        start(1, new Handlers().onRequest("default", job -> "still here"));

        router.sendFrames(List.of(identity, "", Codec.VERSION));
        router.sendFrames(List.of(identity, "", "eMQP/0.9", "REQUEST", "old-version", "default", "", ""));
        router.send(identity, Message.of(Command.UNKNOWN));
        router.send(identity, Message.withId(Command.REQUEST, "short", "default", "reply-requested"));
        router.send(identity, TestSettings.request("bad-header", "timeout:soon", ""));
        router.send(identity, Message.of(Command.SCHEDULE, "default", "", "60", "payload", ""));
        router.expect(Command.READY);
        Message refusal = router.expect(Command.REPLY);
        assertThat(refusal.frame(1)).isEqualTo("bad-header");
        assertThat(WireJson.read("result", refusal.frame(0)).get("error").get("message").stringValue())
                .contains("timeout");
        router.expect(Command.READY);
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.status().invalidMessages() == 6);
        assertThat(listener.invalid).hasSize(6);

        router.send(identity, TestSettings.request("good", "reply-requested", ""));

        assertThat(router.expect(Command.REPLY).body()).containsExactly("{\"value\": \"still here\"}", "good");
        router.expect(Command.READY);
        assertThat(worker.status().invalidMessages()).isEqualTo(6);
        assertThat(worker.state()).isEqualTo(ServiceState.CONNECTED);
    }

    @Test
    void commandListenersHearWhatTheServiceHandlesOnTheirOwnThread() {
        List<String> heard = new CopyOnWriteArrayList<>();
        Handlers handlers = new Handlers()
                .listen(Command.ACK, m -> heard.add("ACK " + Thread.currentThread().getName()))
                .listen(Command.HEARTBEAT, m -> heard.add("HEARTBEAT " + Thread.currentThread().getName()))
                .listen(Command.HEARTBEAT, m -> {
                    throw new IllegalStateException("a failing listener changes nothing");
                });
        start(1, handlers);

        router.send(identity, Message.of(Command.HEARTBEAT, "1795878633.6585839"));

        await().atMost(ScriptedRouter.WAIT).until(() -> heard.size() == 2);
        String eventThread = heard.get(0).substring("ACK ".length());
        assertThat(eventThread).matches("eventmq-worker-\\d+-events-1");
        assertThat(heard).containsExactly("ACK " + eventThread, "HEARTBEAT " + eventThread);
        assertThat(listener.received).extracting(Message::command).contains(Command.ACK, Command.HEARTBEAT);
        assertThat(worker.status().invalidMessages()).isZero();
    }

    @Test
    void withoutReplyRequestedOnlyTheSlotComesBack() {
        start(1, new Handlers().onRequest("default", job -> "unseen"));

        router.send(identity, TestSettings.request("quiet", "", ""));

        router.expect(Command.READY);
        await().atMost(ScriptedRouter.WAIT).until(() -> listener.finished.size() == 1);
        assertThat(listener.finished.get(0).outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(listener.sent).extracting(Message::command).doesNotContain(Command.REPLY);
    }
}
