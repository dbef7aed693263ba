package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.WireJson;
import tools.jackson.databind.JsonNode;

/** One job on the calling thread: handler lookup, retries, and what the REPLY's result frame says. */
class JobRunnerTest {

    private static final Headers REPLY = Headers.NONE.withReplyRequested(true);
    private static final String ECHO = "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", \"args\": [7], "
            + "\"kwargs\": {}, \"class_args\": [], \"class_kwargs\": {}}]";

    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private JobResult run(Handlers handlers, Headers headers, String payload) {
        return new JobRunner(handlers).run("msg-1", "default", headers, payload);
    }

    @Test
    void aReferencePayloadIsParsedForTheHandler() {
        JobResult result = run(new Handlers().onJob("jobs", "echo", job -> Map.of("echo", job.jobPayload().args()
                .get(0))), REPLY, ECHO);

        assertThat(result.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(result.reply()).isEqualTo("{\"value\": {\"echo\": 7}}");
    }

    @Test
    void anyOtherPayloadReachesTheHandlerAsText() {
        JobResult result = run(new Handlers().onAnyRequest(job -> job.jobPayload() == null ? job.payload() : "?"),
                REPLY, "plain text");

        assertThat(result.reply()).isEqualTo("{\"value\": \"plain text\"}");
    }

    @Test
    void aNullResultIsAJsonNull() {
        assertThat(run(new Handlers().onAnyRequest(job -> null), REPLY, "").reply()).isEqualTo("{\"value\": null}");
    }

    @Test
    void withoutReplyRequestedThereIsNoResultFrame() {
        JobResult result = run(new Handlers().onAnyRequest(job -> "ignored"), Headers.NONE, "");

        assertThat(result.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(result.reply()).isNull();
    }

    @Test
    void aValueThatCannotBeWrittenAsJsonIsAnErrorReply() {
        JobResult result = run(new Handlers().onAnyRequest(job -> new Unwritable()), REPLY, "");

        assertThat(result.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(error(result).get("message").stringValue()).contains("Unwritable");
    }

    @Test
    void aFailureLineCannotBeForgedByTheMsgidOrTheError() {
        Logger logger = (Logger) LoggerFactory.getLogger(JobRunner.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            new JobRunner(new Handlers().onAnyRequest(job -> {
                throw new IllegalStateException(job.payload());
            })).run("m\nERROR forged", "default", REPLY, "bad\r\nERROR forged too");
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r").contains("\\n"));
    }

    @Test
    void noMatchingHandlerIsANoHandlerError() {
        JobResult result = run(new Handlers().onRequest("email", job -> "no"), REPLY, ECHO);

        assertThat(result.outcome()).isEqualTo(JobOutcome.NO_HANDLER);
        assertThat(error(result).get("type").stringValue()).isEqualTo("NoHandler");
        assertThat(error(result).get("message").stringValue()).contains("jobs.echo", "default");
    }

    @Test
    void anErrorThrownByTheHandlerIsAnErrorReplyToo() {
        JobResult result = run(new Handlers().onAnyRequest(job -> {
            throw new AssertionError("broken invariant");
        }), REPLY, "");

        assertThat(result.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(result.reply()).isEqualTo("{\"value\": \"broken invariant\", "
                + "\"error\": {\"type\": \"AssertionError\", \"message\": \"broken invariant\"}}");
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsType() {
        JobResult result = run(new Handlers().onAnyRequest(job -> {
            throw new UnsupportedOperationException();
        }), REPLY, "");

        assertThat(WireJson.read("result", result.reply()).get("value").stringValue())
                .isEqualTo("UnsupportedOperationException");
    }

    @Test
    void retriesStopAtTheFirstSuccess() {
        JobResult result = run(new Handlers().onAnyRequest(job -> {
            if (calls.incrementAndGet() < 2) {
                throw new IllegalStateException("first");
            }
            return calls.get();
        }), REPLY.withRetryCount(5), "");

        assertThat(result.reply()).isEqualTo("{\"value\": 2}");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void anInterruptedJobIsNotRetried() {
        JobResult result = run(new Handlers().onAnyRequest(job -> {
            calls.incrementAndGet();
            throw new InterruptedException("stop");
        }), REPLY.withRetryCount(3), "");

        assertThat(result.outcome()).isEqualTo(JobOutcome.INTERRUPTED);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(error(result).get("type").stringValue()).isEqualTo("Interrupted");
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt kept").isTrue();
    }

    private static JsonNode error(JobResult result) {
        return WireJson.read("result", result.reply()).get("error");
    }

    /** Jackson cannot write it: a getter that throws. */
    static final class Unwritable {

        public String getValue() {
            throw new IllegalStateException("Unwritable has no value");
        }
    }
}
