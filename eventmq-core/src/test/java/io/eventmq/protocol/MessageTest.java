package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void ofGivesAFreshMsgidAndTheCommandsWireName() {
        Message first = Message.of(Command.REQUEST, "default", "", "{}");
        Message second = Message.of(Command.REQUEST, "default", "", "{}");

        assertThat(first.commandName()).isEqualTo("REQUEST");
        assertThat(first.command()).isEqualTo(Command.REQUEST);
        assertThat(first.body()).containsExactly("default", "", "{}");
        assertThat(first.sender()).isNull();
        assertThat(first.msgid()).isNotEqualTo(second.msgid());
    }

    @Test
    void withIdKeepsTheGivenMsgid() {
        assertThat(Message.withId(Command.ACK, "m-1", "inform-1"))
                .isEqualTo(new Message(null, "ACK", "m-1", List.of("inform-1")));
    }

    @Test
    void frameAnswersABodyFrame() {
        Message reply = Message.withId(Command.REPLY, "m-1", "{\"value\": 1}", "req-1");

        assertThat(reply.frame(0)).isEqualTo("{\"value\": 1}");
        assertThat(reply.frame(1)).isEqualTo("req-1");
    }

    @Test
    void aMissingFrameIsAProtocolExceptionNamingTheCommandAndMsgid() {
        Message reply = Message.withId(Command.REPLY, "m-1", "{\"value\": 1}");

        assertThatThrownBy(() -> reply.frame(1)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("REPLY").hasMessageContaining("m-1").hasMessageContaining("frame 1");
        assertThatThrownBy(() -> Message.withId(Command.READY, "m-2").frame(0))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("READY");
    }

    @Test
    void anUnknownCommandKeepsItsName() {
        Message bogus = new Message("peer", "BOGUS", "m-1", List.of());

        assertThat(bogus.command()).isEqualTo(Command.UNKNOWN);
        assertThat(bogus.commandName()).isEqualTo("BOGUS");
    }

    @Test
    void fromSetsTheSenderAndKeepsTheRest() {
        Message message = Message.withId(Command.READY, "m-1");

        assertThat(message.from("worker-1")).isEqualTo(new Message("worker-1", "READY", "m-1", List.of()));
    }

    @Test
    void theBodyIsACopyThatCannotChange() {
        List<String> body = new ArrayList<>(List.of("a"));
        Message message = new Message(null, "REPLY", "m-1", body);
        body.add("b");

        assertThat(message.body()).containsExactly("a");
        assertThatThrownBy(() -> message.body().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void commandNameAndMsgidAreRequired() {
        assertThatThrownBy(() -> new Message(null, null, "m", List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Message(null, "ACK", null, List.of())).isInstanceOf(NullPointerException.class);
    }
}
