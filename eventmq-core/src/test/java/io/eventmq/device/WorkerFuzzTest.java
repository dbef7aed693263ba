package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.testing.FuzzFrames;

/**
 * Seeded random frame lists from a raw ROUTER into a connected WorkerService ({@link FuzzFrames#COUNT}): every
 * certainly invalid one is counted exactly, the worker stays connected and quiet, and runs a real job afterwards.
 * DISCONNECT and KBYE are not sent: they end the conversation by design.
 */
class WorkerFuzzTest extends ScriptedRouterTest {

    private static final Map<String, Integer> WORKER = Map.of("REQUEST", 3, "HEARTBEAT", 0, "ACK", 0);
    /**
     * WARN lines allowed per {@link WorkerLoop#WARN_INTERVAL} the run spans: one per kind of refusal or invalid
     * message. A run of 100,000 on a busy machine spans several.
     */
    private static final int HANDFUL = 8;

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.eventmq");
    private final Level level = logger.getLevel();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final long started = System.nanoTime();
    private String identity;

    WorkerFuzzTest() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
        logger.setLevel(level);
    }

    @Test
    void fuzzedMessagesAreCountedAndTheWorkerStillRunsJobs() {
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 4)
                .withHeartbeat(HeartbeatSettings.DISABLED), new Handlers().onRequest("default", job -> "ok"),
                ServiceListener.NONE, InstantSource.system());
        worker.start();
        identity = router.acceptInform().sender();
        FuzzFrames fuzz = new FuzzFrames(FuzzFrames.SEED + 3,
                FuzzFrames.Target.dealer(WORKER, Set.of("DISCONNECT", "KBYE", "KBAI")));

        int certain = 0;
        for (int i = 0; i < FuzzFrames.COUNT / 2; i++) {
            router.offerBytes(identity, fuzz.next(true).frames());
            router.drainBytes();
            certain++;
        }
        sendSentinel("sentinel-1");
        assertThat(worker.status().invalidMessages()).as("every invalid message counted, no more")
                .isEqualTo(certain);

        int mixed = 0;
        for (int i = 0; i < FuzzFrames.COUNT - FuzzFrames.COUNT / 2; i++) {
            FuzzFrames.Fuzzed message = fuzz.next(false);
            router.offerBytes(identity, message.frames());
            router.drainBytes();
            if (message.certainlyInvalid()) {
                certain++;
            } else {
                mixed++;
            }
        }
        sendSentinel("sentinel-2");
        assertThat(worker.status().invalidMessages()).as("invalid messages counted").isBetween((long) certain,
                (long) certain + mixed);

        ServiceStatus status = worker.status();
        assertThat(worker.isRunning()).isTrue();
        assertThat(status.failure()).isNull();
        assertThat(status.state()).isEqualTo(ServiceState.CONNECTED);
        assertThat(status.identity()).isEqualTo(identity);
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.status().runningJobs() == 0);
        router.drainBytes();
        router.send(identity, TestSettings.request("real-job", "reply-requested", ""));
        Message reply = router.expect(Command.REPLY);
        assertThat(reply.body()).containsExactly("{\"value\": \"ok\"}", "real-job");

        List<ILoggingEvent> warnings = lines.list.stream().filter(line -> line.getLevel().isGreaterOrEqual(
                Level.WARN)).toList();
        int intervals = 1 + (int) ((System.nanoTime() - started) / WorkerLoop.WARN_INTERVAL.toNanos());
        assertThat(warnings).as("WARN lines in %d log intervals", intervals)
                .hasSizeLessThanOrEqualTo(HANDFUL * intervals);
        assertThat(lines.list).as("log lines in %d log intervals", intervals).hasSizeLessThan(2 * HANDFUL * intervals)
                .extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
    }

    /** A REQUEST asking for a REPLY, and that REPLY awaited: the worker has read everything sent before. */
    private void sendSentinel(String msgid) {
        router.offerBytes(identity, List.of(new byte[0], bytes("eMQP/1.0"), bytes("REQUEST"), bytes(msgid),
                bytes("default"), bytes("reply-requested"), new byte[0]));
        long deadline = System.nanoTime() + ScriptedRouter.WAIT.toNanos();
        while (true) {
            for (List<byte[]> message : router.drainBytes()) {
                if (new String(message.get(message.size() - 1), StandardCharsets.UTF_8).equals(msgid)) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("the REPLY to %s within %s", msgid, ScriptedRouter.WAIT)
                    .isLessThan(deadline);
            Message next = router.receive(java.time.Duration.ofMillis(100));
            if (next != null && next.body().size() > 0 && next.body().get(next.body().size() - 1).equals(msgid)) {
                return;
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
