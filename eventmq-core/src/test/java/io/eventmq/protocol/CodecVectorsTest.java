package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.eventmq.testing.Vectors;
import io.eventmq.testing.Vectors.Entry;

/** Every frame list the Python reference put on the wire decodes and encodes back to the same frames. */
class CodecVectorsTest {

    private static final List<Entry> ROUTER_SESSION = Vectors.load(Vectors.ROUTER_SESSION);
    private static final List<Entry> JOBMANAGER_SESSION = Vectors.load(Vectors.JOBMANAGER_SESSION);

    /** The entries the reference itself could not parse: too few frames, no eMQP envelope. */
    private static final List<List<String>> MALFORMED_AS_DEALER_SAW_THEM = List.of(
            List.of("garbage"),
            List.of("", "eMQP/1.0"));

    @TestFactory
    Stream<DynamicTest> routerSessionRoundtripsAsTheDealerSawIt() {
        return ROUTER_SESSION.stream().map(entry -> DynamicTest.dynamicTest(describe(entry), () -> {
            if (MALFORMED_AS_DEALER_SAW_THEM.contains(entry.frames())) {
                assertThatThrownBy(() -> Codec.decodeDealer(entry.frames()))
                        .isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("frames");
                return;
            }
            Message message = Codec.decodeDealer(entry.frames());
            assertThat(message.sender()).isNull();
            assertThat(message.commandName()).isEqualTo(entry.frames().get(2));
            assertThat(message.msgid()).isEqualTo(entry.frames().get(3));
            assertThat(message.body()).isEqualTo(entry.frames().subList(4, entry.frames().size()));
            assertThat(Codec.encodeDealer(message)).isEqualTo(entry.frames());
        }));
    }

    @TestFactory
    Stream<DynamicTest> jobManagerSessionRoundtripsAsTheRouterSawIt() {
        return JOBMANAGER_SESSION.stream().map(entry -> DynamicTest.dynamicTest(describe(entry), () -> {
            String identity = entry.frames().get(0);
            if (entry.frames().size() == 3) {
                assertThatThrownBy(() -> Codec.decodeRouter(entry.frames()))
                        .isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("2 frames");
                return;
            }
            Message message = Codec.decodeRouter(entry.frames());
            assertThat(message.sender()).isEqualTo(identity);
            assertThat(message.commandName()).isEqualTo(entry.frames().get(3));
            assertThat(message.msgid()).isEqualTo(entry.frames().get(4));
            assertThat(Codec.encodeRouter(identity, message)).isEqualTo(entry.frames());
        }));
    }

    @Test
    void theMalformedEntriesAreTheOnesExpected() {
        assertThat(ROUTER_SESSION).hasSize(40)
                .filteredOn(entry -> MALFORMED_AS_DEALER_SAW_THEM.contains(entry.frames())).hasSize(2);
        assertThat(JOBMANAGER_SESSION).filteredOn(entry -> entry.frames().size() < 5).hasSize(1);
        assertThat(malformedCount(ROUTER_SESSION, Codec::decodeDealer)).isEqualTo(2);
        assertThat(malformedCount(JOBMANAGER_SESSION, Codec::decodeRouter)).isEqualTo(1);
    }

    @Test
    void anUnknownCommandKeepsItsName() {
        Message bogus = JOBMANAGER_SESSION.stream()
                .map(entry -> orNull(Codec::decodeRouter, entry.frames()))
                .filter(message -> message != null && message.commandName().equals("BOGUS"))
                .findFirst().orElseThrow();

        assertThat(bogus.command()).isEqualTo(Command.UNKNOWN);
        assertThat(bogus.msgid()).isEqualTo("router-bogus-1");
        assertThat(Codec.encodeRouter(bogus.sender(), bogus)).contains("BOGUS").doesNotContain("UNKNOWN");
    }

    @Test
    void kbaiDecodesAsKbyeAndKeepsItsSpelling() {
        Message kbai = Codec.decodeDealer(List.of("", "eMQP/1.0", "KBAI", "m-1"));

        assertThat(kbai.command()).isEqualTo(Command.KBYE);
        assertThat(Codec.encodeDealer(kbai)).containsExactly("", "eMQP/1.0", "KBAI", "m-1");
        assertThat(Codec.encodeDealer(Message.withId(Command.KBYE, "m-2")))
                .containsExactly("", "eMQP/1.0", "KBYE", "m-2");
    }

    @Test
    void everyCommandInTheVectorsIsKnownExceptBogus() {
        List<Message> messages = new ArrayList<>();
        ROUTER_SESSION.forEach(entry -> messages.add(orNull(Codec::decodeDealer, entry.frames())));
        JOBMANAGER_SESSION.forEach(entry -> messages.add(orNull(Codec::decodeRouter, entry.frames())));

        assertThat(messages).filteredOn(message -> message != null && message.command() == Command.UNKNOWN)
                .extracting(Message::commandName).containsExactly("BOGUS");
        assertThat(messages).filteredOn(message -> message != null).extracting(Message::command)
                .contains(Command.INFORM, Command.ACK, Command.READY, Command.REQUEST, Command.REPLY,
                        Command.HEARTBEAT, Command.DISCONNECT, Command.KBYE, Command.SCHEDULE,
                        Command.UNSCHEDULE, Command.STATUS, Command.ROUTER_SHOW_WORKERS,
                        Command.ROUTER_SHOW_SCHEDULERS);
    }

    private static long malformedCount(List<Entry> entries, Function<List<String>, Message> decoder) {
        return entries.stream().filter(entry -> {
            try {
                decoder.apply(entry.frames());
                return false;
            } catch (ProtocolException e) {
                return true;
            }
        }).count();
    }

    private static Message orNull(Function<List<String>, Message> decoder, List<String> frames) {
        try {
            return decoder.apply(frames);
        } catch (ProtocolException e) {
            return null;
        }
    }

    private static String describe(Entry entry) {
        String who = entry.peer() != null ? entry.peer() : "t=" + entry.t();
        return entry.dir() + " " + who + " " + entry.frames();
    }
}
