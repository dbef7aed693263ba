package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.JobPayload;

class HandlersTest {

    private final JobHandler echo = job -> "echo";
    private final JobHandler email = job -> "email";
    private final JobHandler any = job -> "any";
    private final JobPayload echoJob = JobPayload.of("jobs", "echo", List.of(7), null);

    @Test
    void aRequestGoesToItsJobThenItsQueueThenTheFallback() {
        Handlers handlers = new Handlers().onJob("jobs", "echo", echo).onRequest("email", email).onAnyRequest(any);

        assertThat(handlers.resolve("email", echoJob)).isEqualTo(new Handlers.Match(echo, "jobs.echo"));
        assertThat(handlers.resolve("email", JobPayload.of("jobs", "other", null, null)))
                .isEqualTo(new Handlers.Match(email, "email"));
        assertThat(handlers.resolve("email", null)).isEqualTo(new Handlers.Match(email, "email"));
        assertThat(handlers.resolve("nosuch", null)).as("a made-up queue is not a name")
                .isEqualTo(new Handlers.Match(any, "*"));
        assertThat(new Handlers().onRequest("email", email).resolve("default", echoJob)).isNull();
    }

    @Test
    void aSecondHandlerForTheSameKeyIsRefusedNamingTheKey() {
        Handlers handlers = new Handlers().onJob("jobs", "echo", echo).onRequest("email", email).onAnyRequest(any);

        assertThatThrownBy(() -> handlers.onJob("jobs", "echo", any)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jobs.echo");
        assertThatThrownBy(() -> handlers.onRequest("email", any)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"email\"");
        assertThatThrownBy(() -> handlers.onAnyRequest(echo)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fallback");
    }

    @Test
    void requestsAreHandledNotListenedTo() {
        assertThatThrownBy(() -> new Handlers().listen(Command.REQUEST, m -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onRequest");
        assertThatThrownBy(() -> new Handlers().listen(Command.UNKNOWN, m -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onceFixedEveryRegistrationFails() {
        Handlers handlers = new Handlers().onRequest("default", any);
        handlers.fix();

        assertThatThrownBy(() -> handlers.onAnyRequest(any)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fixed");
        assertThatThrownBy(() -> handlers.onRequest("email", any)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> handlers.onJob("jobs", "echo", any)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> handlers.listen(Command.ACK, m -> { })).isInstanceOf(IllegalStateException.class);
        assertThat(handlers.resolve("default", null).handler()).isSameAs(any);
        assertThat(handlers.resolve("email", null)).isNull();
    }
}
