package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.WireJson;
import io.eventmq.testing.Vectors;
import tools.jackson.databind.JsonNode;

/**
 * Plays the router's side of the session recorded against the Python job manager and checks that this
 * worker answers with the same frames (msgids and identities aside). Differences on purpose: REQUESTs are
 * sent as READY credit allows (the recording sent four at once), an error REPLY carries an {@code error}
 * object beside {@code value}, and after DISCONNECT + KBYE the worker stops instead of reconnecting.
 */
class WorkerSessionReplayTest extends ScriptedRouterTest {

    private final List<Vectors.Entry> session = Vectors.load(Vectors.JOBMANAGER_SESSION);

    @BeforeEach
    void setUp() {
        Handlers handlers = new Handlers()
                .onJob("jobs", "echo", job -> Map.of("echo", job.jobPayload().args().get(0)))
                .onJob("jobs", "boom", job -> {
                    throw new IllegalStateException("boom");
                });
        worker = new WorkerService(context, ServiceSettings.DEFAULTS.withAddress(router.endpoint())
                .withConcurrency(2), handlers);
    }

    @Test
    void answersTheRecordedRouterFrameForFrame() {
        worker.start();

        List<String> inform = router.receiveFrames(ScriptedRouter.WAIT);
        assertSameFrames(inform, recorded("from-jobmanager", "INFORM", 0));
        String identity = inform.get(0);
        assertThat(identity).isEqualTo(worker.status().identity());

        List<String> ack = withIdentity(recorded("to-jobmanager", "ACK", 0), identity);
        ack.set(5, inform.get(4));
        router.sendFrames(ack);
        router.expect(Command.READY);
        router.expect(Command.READY);
        router.expectNothingFor(Duration.ofMillis(200));

        router.sendFrames(withIdentity(request("req-1"), identity));
        router.sendFrames(withIdentity(request("req-2"), identity));
        List<Message> answers = nextMessages(3);
        assertThat(answers).filteredOn(m -> m.command() == Command.READY).hasSize(2);
        Message echo = only(answers, Command.REPLY);
        assertSameFrames(Codec.encodeRouter(identity, echo), recordedReply("req-1"));
        assertThat(echo.body()).containsExactly("{\"value\": {\"echo\": 7}}", "req-1");

        router.sendFrames(withIdentity(request("req-3"), identity));
        router.sendFrames(withIdentity(request("req-4"), identity));
        answers = nextMessages(4);
        assertThat(answers).filteredOn(m -> m.command() == Command.READY).hasSize(2);
        List<Message> replies = answers.stream().filter(m -> m.command() == Command.REPLY).toList();
        assertThat(replies).extracting(m -> m.frame(1)).containsExactlyInAnyOrder("req-3", "req-4");
        Message boom = replies.stream().filter(m -> m.frame(1).equals("req-3")).findFirst().orElseThrow();
        JsonNode boomResult = WireJson.read("result", boom.frame(0));
        assertThat(boomResult.get("value"))
                .isEqualTo(WireJson.read("recorded", recordedReply("req-3").get(5)).get("value"));
        assertThat(boomResult.get("error").get("type").stringValue()).isEqualTo("IllegalStateException");
        assertThat(boomResult.get("error").get("message").stringValue()).isEqualTo("boom");
        Message unknown = replies.stream().filter(m -> m.frame(1).equals("req-4")).findFirst().orElseThrow();
        JsonNode unknownResult = WireJson.read("result", unknown.frame(0));
        assertThat(unknownResult.get("value").stringValue()).contains("jobs.nosuch");
        assertThat(unknownResult.get("error").get("type").stringValue()).isEqualTo("NoHandler");

        router.sendFrames(withIdentity(recorded("to-jobmanager", "HEARTBEAT", 0), identity));
        router.sendFrames(withIdentity(recorded("to-jobmanager", "BOGUS", 0), identity));
        router.sendFrames(withIdentity(threeFrameMessage(), identity));
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.status().invalidMessages() == 2);

        router.sendFrames(withIdentity(recorded("to-jobmanager", "DISCONNECT", 0), identity));
        List<String> kbye = Codec.encodeRouter(identity, router.expect(Command.KBYE));
        assertSameFrames(kbye, recorded("from-jobmanager", "KBYE", 0));
        await().atMost(ScriptedRouter.WAIT).until(() -> worker.state() == ServiceState.STOPPED);
        router.expectNothingFor(Duration.ofMillis(200));
    }

    private List<Message> nextMessages(int count) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(router.next());
        }
        return messages;
    }

    private static Message only(List<Message> messages, Command command) {
        List<Message> matching = messages.stream().filter(m -> m.command() == command).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** Same frames but for the identity (frame 0) and the msgid (frame 4), which are random. */
    private static void assertSameFrames(List<String> actual, List<String> recorded) {
        assertThat(actual).hasSameSizeAs(recorded);
        assertThat(actual.subList(1, 4)).isEqualTo(recorded.subList(1, 4));
        assertThat(actual.subList(5, actual.size())).isEqualTo(recorded.subList(5, recorded.size()));
    }

    private List<String> request(String msgid) {
        return session.stream().filter(e -> e.dir().equals("to-jobmanager"))
                .map(Vectors.Entry::frames)
                .filter(f -> f.size() > 4 && f.get(3).equals("REQUEST") && f.get(4).equals(msgid))
                .findFirst().orElseThrow();
    }

    private List<String> recordedReply(String requestMsgid) {
        return session.stream().filter(e -> e.dir().equals("from-jobmanager"))
                .map(Vectors.Entry::frames)
                .filter(f -> f.get(3).equals("REPLY") && f.get(f.size() - 1).equals(requestMsgid))
                .findFirst().orElseThrow();
    }

    private List<String> recorded(String dir, String command, int occurrence) {
        return session.stream().filter(e -> e.dir().equals(dir))
                .map(Vectors.Entry::frames)
                .filter(f -> f.size() > 3 && f.get(3).equals(command))
                .skip(occurrence).findFirst().orElseThrow();
    }

    private List<String> threeFrameMessage() {
        return session.stream().filter(e -> e.dir().equals("to-jobmanager"))
                .map(Vectors.Entry::frames)
                .filter(f -> f.size() == 3)
                .findFirst().orElseThrow();
    }

    private static List<String> withIdentity(List<String> frames, String identity) {
        List<String> copy = new ArrayList<>(frames);
        copy.set(0, identity);
        return copy;
    }
}
