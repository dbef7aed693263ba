package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTest {

    @ParameterizedTest
    @EnumSource(value = Command.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void everyCommandIsFoundByItsName(Command command) {
        assertThat(Command.of(command.name())).isEqualTo(command);
    }

    @Test
    void kbaiIsKbye() {
        assertThat(Command.of("KBAI")).isEqualTo(Command.KBYE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BOGUS", "inform", "Request", " ACK", "ACK ", "KBY", "UNKNOWN"})
    void anythingElseIsUnknown(String name) {
        assertThat(Command.of(name)).isEqualTo(Command.UNKNOWN);
    }
}
