package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventmq.testing.Vectors;
import io.eventmq.testing.Vectors.Entry;

/** The body frames of the recorded sessions: queue lists, headers, job payloads and JSON documents. */
class BodyVectorsTest {

    private static final List<Message> MESSAGES = decodeAll();

    @Test
    void everyInformQueueListParsesAndEncodesToTheSameText() {
        List<String> frames = bodyFrames(Command.INFORM, 0);
        assertThat(frames).contains("[[10, \"default\"], [20, \"email\"]]", "[[10, \"default\"]]", "", "not json");

        for (String frame : frames) {
            if (frame.equals("not json")) {
                assertThatThrownBy(() -> QueueList.parse(frame)).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("queue list").hasMessageContaining("not json");
                continue;
            }
            assertThat(QueueList.encode(QueueList.parse(frame))).as(frame).isEqualTo(frame);
        }
        assertThat(QueueList.parse("[[10, \"default\"], [20, \"email\"]]"))
                .containsExactly(new WeightedQueue(10, "default"), new WeightedQueue(20, "email"));
        assertThat(QueueList.parse("")).isEmpty();
    }

    @Test
    void everyHeadersFrameParses() {
        List<String> frames = new ArrayList<>(bodyFrames(Command.REQUEST, 1));
        frames.addAll(bodyFrames(Command.SCHEDULE, 1));
        frames.addAll(bodyFrames(Command.UNSCHEDULE, 1));
        assertThat(frames).contains("", "reply-requested", "timeout:5,retry-count:2,guarantee");

        for (String frame : frames) {
            Headers headers = Headers.parse(frame);
            assertThat(headers.unknown()).as(frame).isEmpty();
            assertThat(Headers.parse(headers.encode())).as(frame).isEqualTo(headers);
        }
        assertThat(Headers.parse("timeout:5,retry-count:2,guarantee"))
                .isEqualTo(Headers.NONE.withTimeoutSeconds(5).withRetryCount(2).withGuarantee(true));
        assertThat(Headers.parse("reply-requested").encode()).isEqualTo("reply-requested");
    }

    @Test
    void everyJobPayloadParsesAndEncodesToTheSameText() {
        List<String> frames = new ArrayList<>(bodyFrames(Command.REQUEST, 2));
        frames.addAll(bodyFrames(Command.SCHEDULE, 3));
        frames.addAll(bodyFrames(Command.UNSCHEDULE, 3));
        assertThat(frames).hasSizeGreaterThan(10);

        for (String frame : frames) {
            JobPayload payload = JobPayload.parse(frame);
            assertThat(payload.path()).isEqualTo("jobs");
            assertThat(payload.encode()).isEqualTo(frame);
        }
        JobPayload echo = JobPayload.parse(bodyFrames(Command.REQUEST, 2).get(0));
        assertThat(echo.callable()).isEqualTo("echo");
        assertThat(echo.args()).hasSize(1);
        assertThat(echo.args().get(0).intValue()).isEqualTo(1);
        assertThat(JobPayload.of("jobs", "echo", List.of(1), null).encode())
                .isEqualTo(bodyFrames(Command.REQUEST, 2).get(0));
    }

    @Test
    void everyScheduleIntervalIsANumber() {
        assertThat(bodyFrames(Command.SCHEDULE, 2)).contains("60");
        assertThat(bodyFrames(Command.UNSCHEDULE, 2)).contains("-1");
        assertThat(bodyFrames(Command.SCHEDULE, 4)).containsOnly("");
    }

    @Test
    void everyJsonDocumentInARepliesIsWrittenBackAsPythonWroteIt() {
        List<String> documents = MESSAGES.stream()
                .filter(message -> message.command() == Command.REPLY)
                .map(message -> message.frame(0))
                .filter(frame -> frame.startsWith("{"))
                .toList();
        assertThat(documents).hasSizeGreaterThanOrEqualTo(8)
                .contains("{\"value\": \"boom\"}", "{\"connected_schedulers\": {}}");

        for (String document : documents) {
            assertThat(WireJson.write(WireJson.read("reply", document))).isEqualTo(document);
        }
    }

    private static List<String> bodyFrames(Command command, int index) {
        return MESSAGES.stream().filter(message -> message.command() == command)
                .map(message -> message.frame(index)).toList();
    }

    private static List<Message> decodeAll() {
        List<Message> messages = new ArrayList<>();
        for (Entry entry : Vectors.load(Vectors.ROUTER_SESSION)) {
            if (entry.frames().size() >= 4) {
                messages.add(Codec.decodeDealer(entry.frames()));
            }
        }
        for (Entry entry : Vectors.load(Vectors.JOBMANAGER_SESSION)) {
            if (entry.frames().size() >= 5) {
                messages.add(Codec.decodeRouter(entry.frames()));
            }
        }
        return messages;
    }
}
