package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Random frame lists and random messages through both envelopes. */
class CodecGeneratedTest {

    private final Generated generated = new Generated();

    @Test
    void randomFramesDecodeExactlyWhenTheyAreAValidDealerMessage() {
        for (int run = 0; run < Generated.RUNS; run++) {
            List<String> frames = randomFrames();
            String input = generated.describe(frames);
            if (validDealer(frames, 0)) {
                Message message = Codec.decodeDealer(frames);
                assertThat(message.sender()).as(input).isNull();
                assertThat(Codec.encodeDealer(message)).as(input).isEqualTo(frames);
            } else {
                assertThatThrownBy(() -> Codec.decodeDealer(frames)).as(input)
                        .isInstanceOf(ProtocolException.class).message().isNotBlank();
            }
        }
    }

    @Test
    void randomFramesDecodeExactlyWhenTheyAreAValidRouterMessage() {
        for (int run = 0; run < Generated.RUNS; run++) {
            List<String> frames = randomFrames();
            if (generated.chance(70)) {
                frames.add(0, generated.text());
            }
            String input = generated.describe(frames);
            if (!frames.isEmpty() && validDealer(frames, 1)) {
                Message message = Codec.decodeRouter(frames);
                assertThat(message.sender()).as(input).isEqualTo(frames.get(0));
                assertThat(Codec.encodeRouter(message.sender(), message)).as(input).isEqualTo(frames);
            } else {
                assertThatThrownBy(() -> Codec.decodeRouter(frames)).as(input)
                        .isInstanceOf(ProtocolException.class).message().isNotBlank();
            }
        }
    }

    @Test
    void decodeOfEncodeIsIdentityOnValidMessages() {
        for (int run = 0; run < Generated.RUNS; run++) {
            Message message = randomMessage();
            String identity = generated.text();
            String input = generated.describe(message + " to " + identity);

            assertThat(Codec.decodeDealer(Codec.encodeDealer(message))).as(input).isEqualTo(message);
            assertThat(Codec.decodeRouter(Codec.encodeRouter(identity, message))).as(input)
                    .isEqualTo(message.from(identity));
        }
    }

    @Test
    void aDecodedMessageHasTheCommandItsNameStandsFor() {
        for (int run = 0; run < Generated.RUNS; run++) {
            Message message = randomMessage();
            Command command = Codec.decodeDealer(Codec.encodeDealer(message)).command();
            if (command == Command.UNKNOWN) {
                assertThat(message.commandName()).as(generated.describe(message))
                        .isNotIn("INFORM", "ACK", "READY", "REQUEST", "REPLY", "HEARTBEAT", "DISCONNECT", "KBYE",
                                "KBAI", "SCHEDULE", "UNSCHEDULE", "PUBLISH", "STATUS", "ROUTER_SHOW_WORKERS",
                                "ROUTER_SHOW_SCHEDULERS");
            } else if (command == Command.KBYE) {
                assertThat(message.commandName()).as(generated.describe(message)).isIn("KBYE", "KBAI");
            } else {
                assertThat(message.commandName()).as(generated.describe(message)).isEqualTo(command.name());
            }
        }
    }

    /** A list of 0 to 12 frames that is, often enough, close to a valid message. */
    private List<String> randomFrames() {
        List<String> frames = generated.frames(generated.between(0, 12));
        if (generated.chance(60) && !frames.isEmpty()) {
            frames.set(0, "");
        }
        if (generated.chance(60) && frames.size() > 1) {
            frames.set(1, Codec.VERSION);
        }
        return frames;
    }

    private Message randomMessage() {
        List<String> body = new ArrayList<>();
        int size = generated.between(0, 8);
        for (int i = 0; i < size; i++) {
            body.add(generated.text());
        }
        String command = generated.chance(50) ? generated.oneOf(List.of(Command.values())).name()
                : generated.nonEmptyText();
        return new Message(null, command, generated.chance(80) ? MessageIds.next() : generated.text(), body);
    }

    /** The rule of emqp.md, independently of the codec: "", version, a command, a msgid. */
    private static boolean validDealer(List<String> frames, int start) {
        if (frames.size() - start < 4) {
            return false;
        }
        return frames.get(start).isEmpty() && frames.get(start + 1).equals("eMQP/1.0")
                && !frames.get(start + 2).isEmpty();
    }

    @Test
    void theGeneratorReachesBothOutcomes() {
        int valid = 0;
        for (int run = 0; run < Generated.RUNS; run++) {
            if (validDealer(randomFrames(), 0)) {
                valid++;
            }
        }
        if (valid < Generated.RUNS / 20 || valid > Generated.RUNS * 19 / 20) {
            fail("%s: %d of %d random frame lists were valid", generated.describe("-"), valid, Generated.RUNS);
        }
    }
}
