package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.eventmq.testing.FuzzFrames;
import io.eventmq.testing.RawDealer;
import io.eventmq.testing.RawFrames;

/**
 * Seeded random frame lists from a raw DEALER into each router socket ({@link FuzzFrames#COUNT} a socket): the
 * router counts every certainly invalid one exactly, stays up and quiet, and serves a real job afterwards.
 */
class RouterFuzzTest {

    private static final Map<String, Integer> FRONTEND = Map.of("REQUEST", 3, "SCHEDULE", 5, "UNSCHEDULE", 5,
            "INFORM", 2, "HEARTBEAT", 0, "KBYE", 0, "KBAI", 0);
    private static final Map<String, Integer> BACKEND = Map.of("READY", 0, "REPLY", 2, "HEARTBEAT", 0,
            "INFORM", 2, "KBYE", 0, "KBAI", 0);
    private static final Map<String, Integer> ADMIN = Map.of("STATUS", 0, "ROUTER_SHOW_WORKERS", 0,
            "ROUTER_SHOW_SCHEDULERS", 0, "HELLO", 0);
    /**
     * WARN lines allowed per {@link RouterLoop#WARN_INTERVAL} the run spans: one per kind of drop, and a few more.
     * A run of 100,000 on a busy machine spans several.
     */
    private static final int HANDFUL = 12;

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.eventmq");
    private final Level level = logger.getLevel();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final long started = System.nanoTime();
    private final RouterFixture fixture;
    private ZMQ.Socket fuzzer;
    private int answers;

    RouterFuzzTest() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
        fixture = new RouterFixture();
    }

    @AfterEach
    void close() {
        fuzzer.close();
        fixture.close();
        logger.detachAppender(lines);
        logger.setLevel(level);
    }

    @Test
    void frontend() {
        connect(fixture.endpoints.frontend());
        FuzzFrames fuzz = new FuzzFrames(FuzzFrames.SEED, FuzzFrames.Target.router(FRONTEND, Set.of()));
        Predicate<List<byte[]>> receiptOfSentinel = frames -> last(frames).startsWith("sentinel-");
        fuzzTwice(fuzz, DropReason.INVALID_FRONTEND, sentinel -> send("", "eMQP/1.0", "REQUEST", sentinel,
                "default", "", JOB), receiptOfSentinel);
        assertServes();
    }

    @Test
    void backend() {
        connect(fixture.endpoints.backend());
        FuzzFrames fuzz = new FuzzFrames(FuzzFrames.SEED + 1, FuzzFrames.Target.router(BACKEND, Set.of()));
        fuzzTwice(fuzz, DropReason.INVALID_BACKEND, sentinel -> send("", "eMQP/1.0", "INFORM", sentinel, "",
                "worker"), frames -> last(frames).startsWith("sentinel-"));
        send("", "eMQP/1.0", "KBYE", "fuzzer-leaves");
        assertServes();
    }

    @Test
    void admin() {
        connect(fixture.endpoints.admin());
        FuzzFrames fuzz = new FuzzFrames(FuzzFrames.SEED + 2, FuzzFrames.Target.router(ADMIN, Set.of("DISCONNECT")));
        int invalid = 0;
        int questions = 0;
        for (int i = 0; i < FuzzFrames.COUNT; i++) {
            FuzzFrames.Fuzzed message = fuzz.next(false);
            sendFuzzed(message);
            if (message.certainlyInvalid()) {
                invalid++;
            } else if (!"HELLO".equals(new String(message.frames().get(2), StandardCharsets.UTF_8))) {
                questions++;
            }
        }
        send("", "eMQP/1.0", "STATUS", "sentinel");
        int asked = questions + 1;
        await().atMost(WAIT).until(() -> {
            drain();
            return answers + fixture.router.drops(DropReason.REPLY_UNDELIVERABLE) == asked;
        });
        assertThat(fixture.router.drops(DropReason.INVALID_ADMIN)).as("every invalid message counted, no more")
                .isEqualTo(invalid);
        assertServes();
    }

    /**
     * Sends half the messages certainly invalid, then half of any kind, each half closed by a sentinel whose
     * answer says the router read the half: the first half is counted exactly, the second at least.
     */
    private void fuzzTwice(FuzzFrames fuzz, DropReason invalid, java.util.function.Consumer<String> sentinel,
                           Predicate<List<byte[]>> isSentinelAnswer) {
        int certain = 0;
        for (int i = 0; i < FuzzFrames.COUNT / 2; i++) {
            FuzzFrames.Fuzzed message = fuzz.next(true);
            sendFuzzed(message);
            certain++;
        }
        sentinel.accept("sentinel-1");
        awaitAnswer(isSentinelAnswer);
        assertThat(fixture.router.drops(invalid)).as("every invalid message counted, no more").isEqualTo(certain);

        int mixed = 0;
        for (int i = 0; i < FuzzFrames.COUNT - FuzzFrames.COUNT / 2; i++) {
            FuzzFrames.Fuzzed message = fuzz.next(false);
            sendFuzzed(message);
            if (message.certainlyInvalid()) {
                certain++;
            } else {
                mixed++;
            }
        }
        sentinel.accept("sentinel-2");
        awaitAnswer(isSentinelAnswer);
        assertThat(fixture.router.drops(invalid)).as("invalid messages counted").isBetween((long) certain,
                (long) certain + mixed);
    }

    private void assertServes() {
        assertThat(fixture.router.isRunning()).isTrue();
        assertThat(fixture.router.status().failure()).isNull();
        RawDealer worker = fixture.worker("real-worker", "[[10, \"real\"]]", 1);
        RawDealer client = fixture.frontend("real-client");
        client.sendMessage("REQUEST", "real-job", "real", "reply-requested", JOB);
        assertThat(worker.receive("REQUEST").get(3)).isEqualTo("real-job");
        worker.sendMessage("REPLY", "real-reply", "{\"value\": 1}", "real-job");
        assertThat(client.receive("REPLY")).endsWith("real-job");
        assertThat(client.receive("REPLY")).endsWith("{\"value\": 1}", "real-job");

        List<ILoggingEvent> warnings = lines.list.stream().filter(line -> line.getLevel().isGreaterOrEqual(
                Level.WARN)).toList();
        int intervals = 1 + (int) ((System.nanoTime() - started) / RouterLoop.WARN_INTERVAL.toNanos());
        assertThat(warnings).as("WARN lines in %d log intervals", intervals)
                .hasSizeLessThanOrEqualTo(HANDFUL * intervals);
        assertThat(lines.list).as("log lines in %d log intervals", intervals)
                .hasSizeLessThan((2 * HANDFUL + 10) * intervals)
                .extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
    }

    private void connect(String endpoint) {
        fuzzer = fixture.context.createSocket(SocketType.DEALER);
        fuzzer.setLinger(0);
        fuzzer.setHandshakeIvl(1000);
        fuzzer.setIdentity("fuzzer".getBytes(StandardCharsets.UTF_8));
        fuzzer.connect(endpoint);
    }

    private void sendFuzzed(FuzzFrames.Fuzzed message) {
        List<byte[]> frames = message.frames();
        for (int i = 0; i < frames.size(); i++) {
            fuzzer.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
        drain();
    }

    private void send(String... frames) {
        for (int i = 0; i < frames.length; i++) {
            fuzzer.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** Reads what the router sent the fuzzer, so that its queue never fills. */
    private void drain() {
        while (fuzzer.recv(ZMQ.DONTWAIT) != null) {
            if (!fuzzer.hasReceiveMore()) {
                answers++;
            }
        }
    }

    private void awaitAnswer(Predicate<List<byte[]>> isAnswer) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<byte[]> frames;
        do {
            frames = RawFrames.receiveBytes(fuzzer, java.time.Duration.ofNanos(deadline - System.nanoTime()));
            assertThat(frames).as("the sentinel's answer within %s", WAIT).isNotNull();
        } while (!isAnswer.test(frames));
    }

    private static String last(List<byte[]> frames) {
        return new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8);
    }
}
