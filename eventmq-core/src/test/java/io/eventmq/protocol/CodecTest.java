package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the codec says about each way a message can be malformed. */
class CodecTest {

    @Test
    void decodesADealerMessageWithItsBody() {
        Message message = Codec.decodeDealer(List.of("", "eMQP/1.0", "REPLY", "m-1", "{\"value\": 1}", "r-1"));

        assertThat(message).isEqualTo(new Message(null, "REPLY", "m-1", List.of("{\"value\": 1}", "r-1")));
    }

    @Test
    void decodesARouterMessageWithTheSenderInFront() {
        Message message = Codec.decodeRouter(List.of("peer-1", "", "eMQP/1.0", "READY", "m-1"));

        assertThat(message).isEqualTo(new Message("peer-1", "READY", "m-1", List.of()));
        assertThat(Codec.encodeRouter("peer-1", message)).containsExactly("peer-1", "", "eMQP/1.0", "READY", "m-1");
    }

    @Test
    void anEmptyMsgidIsKept() {
        assertThat(Codec.decodeDealer(List.of("", "eMQP/1.0", "READY", "")).msgid()).isEmpty();
    }

    @Test
    void tooFewFramesSaysHowMany() {
        assertThatThrownBy(() -> Codec.decodeDealer(List.of("", "eMQP/1.0", "READY")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("3 frames");
        assertThatThrownBy(() -> Codec.decodeDealer(List.of())).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("0 frames");
        assertThatThrownBy(() -> Codec.decodeRouter(List.of("peer", "", "eMQP/1.0", "READY")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("3 frames");
        assertThatThrownBy(() -> Codec.decodeRouter(List.of())).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aFirstFrameThatIsNotEmptyIsShown() {
        assertThatThrownBy(() -> Codec.decodeDealer(List.of("x", "eMQP/1.0", "READY", "m")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("first frame")
                .hasMessageContaining("\"x\"");
    }

    @Test
    void anotherVersionIsShown() {
        assertThatThrownBy(() -> Codec.decodeDealer(List.of("", "eMQP/2.0", "READY", "m")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("version").hasMessageContaining("eMQP/2.0");
    }

    @Test
    void anEmptyCommandIsRefused() {
        assertThatThrownBy(() -> Codec.decodeDealer(List.of("", "eMQP/1.0", "", "m")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("command");
    }

    @Test
    void longGarbageIsShortenedInTheMessage() {
        String garbage = "g".repeat(10_000);

        assertThatThrownBy(() -> Codec.decodeDealer(List.of(garbage, "eMQP/1.0", "READY", "m")))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("..."));
    }

    @Test
    void aDecodedBodyCannotBeChangedThroughTheFrames() {
        List<String> frames = new ArrayList<>(List.of("", "eMQP/1.0", "REPLY", "m", "a"));
        Message message = Codec.decodeDealer(frames);
        frames.set(4, "changed");

        assertThat(message.body()).containsExactly("a");
    }
}
