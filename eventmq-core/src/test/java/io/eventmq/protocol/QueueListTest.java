package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueueListTest {

    @Test
    void encodesWithPythonsSpacing() {
        assertThat(QueueList.encode(List.of(new WeightedQueue(10, "default"), new WeightedQueue(20, "email"))))
                .isEqualTo("[[10, \"default\"], [20, \"email\"]]");
        assertThat(QueueList.encode(List.of(new WeightedQueue(-5, "")))).isEqualTo("[[-5, \"\"]]");
    }

    @Test
    void theEmptyFrameIsTheEmptyListBothWays() {
        assertThat(QueueList.parse("")).isEmpty();
        assertThat(QueueList.encode(List.of())).isEmpty();
    }

    @Test
    void parsesAnyJsonSpacingAndKeepsTheOrder() {
        assertThat(QueueList.parse("[ [20,\"email\"] ,\n[10 , \"default\"] ]"))
                .containsExactly(new WeightedQueue(20, "email"), new WeightedQueue(10, "default"));
        assertThat(QueueList.parse("[]")).isEmpty();
    }

    @Test
    void theParsedListCannotBeChanged() {
        List<WeightedQueue> queues = QueueList.parse("[[10, \"default\"]]");

        assertThatThrownBy(() -> queues.add(new WeightedQueue(1, "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", " ", "{}", "null", "10", "\"default\"", "[10, \"default\"]",
        "[[10]]", "[[10, \"a\", 3]]", "[[\"10\", \"a\"]]", "[[10, 20]]", "[[1.5, \"a\"]]", "[[2147483648, \"a\"]]",
        "[[10, null]]", "[[10, \"a\"]] x", "[[10, \"a\"]", "[[NaN, \"a\"]]", "[{\"weight\": 10}]"})
    void anythingButAListOfPairsIsAProtocolException(String frame) {
        assertThatThrownBy(() -> QueueList.parse(frame)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("queue list");
    }

    @Test
    void randomJsonishGarbageOnlyEverThrowsProtocolException() {
        Generated generated = new Generated();
        for (int run = 0; run < Generated.RUNS * 3; run++) {
            String frame = JsonGarbage.next(generated);
            Throwable thrown = catchThrowable(() -> QueueList.parse(frame));
            if (thrown != null) {
                assertThat(thrown).as(generated.describe(frame)).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("queue list");
            }
        }
    }

    @Test
    void parseOfEncodeIsIdentityOnRandomLists() {
        Generated generated = new Generated();
        for (int run = 0; run < Generated.RUNS; run++) {
            List<WeightedQueue> queues = new ArrayList<>();
            int size = generated.between(1, 6);
            for (int i = 0; i < size; i++) {
                queues.add(new WeightedQueue(generated.random.nextInt(), generated.text()));
            }
            String frame = QueueList.encode(queues);

            assertThat(QueueList.parse(frame)).as(generated.describe(frame)).isEqualTo(queues);
            assertThat(frame).as(generated.describe(frame)).matches("[\\x20-\\x7e]+");
        }
    }
}
