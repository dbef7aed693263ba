package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Expected texts are what CPython 3's {@code json.dumps} writes for the same values. */
class WireJsonTest {

    @Test
    void escapesLikePythonsEnsureAscii() {
        List<String> values = List.of("\u00e9", "\u007f", "\n", "\u0001", "\ud83d\ude00", "\"", "\\", "/",
                "\t\b\f\r", "\ud800", "~");

        assertThat(WireJson.write(values)).isEqualTo("[\"\\u00e9\", \"\\u007f\", \"\\n\", \"\\u0001\", "
                + "\"\\ud83d\\ude00\", \"\\\"\", \"\\\\\", \"/\", \"\\t\\b\\f\\r\", \"\\ud800\", \"~\"]");
    }

    @Test
    void separatesLikePythonsDefaults() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("a", List.of());
        document.put("b", Map.of());
        document.put("c", List.of(List.of()));
        document.put("d", null);
        document.put("e", true);

        assertThat(WireJson.write(document)).isEqualTo("{\"a\": [], \"b\": {}, \"c\": [[]], \"d\": null, \"e\": true}");
    }

    @Test
    void readsAndWritesNonFiniteNumbersAsPythonDoes() {
        JsonNode numbers = WireJson.read("numbers", "[NaN, Infinity, -Infinity, 1e400]");

        assertThat(numbers.get(0).doubleValue()).isNaN();
        assertThat(numbers.get(3).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(WireJson.write(numbers)).isEqualTo("[NaN, Infinity, -Infinity, Infinity]");
    }

    @Test
    void aNonAsciiQueueNameRoundtripsThroughItsEscapedText() {
        String frame = "[[10, \"\\u00e9t\\u00e9\"]]";

        assertThat(QueueList.parse(frame)).containsExactly(new WeightedQueue(10, "\u00e9t\u00e9"));
        assertThat(QueueList.encode(QueueList.parse(frame))).isEqualTo(frame);
    }

    @Test
    void invalidJsonIsAProtocolExceptionNamingWhatWasRead() {
        for (String text : List.of("", "  ", "[1,", "{\"a\" 1}", "'a'", "[] []", "[1] x", "/* */ []",
                "[".repeat(5000))) {
            if (text.isBlank()) {
                assertThat(WireJson.read("doc", text).isMissingNode()).as(text).isTrue();
                continue;
            }
            assertThatThrownBy(() -> WireJson.read("the doc", text)).as(text)
                    .isInstanceOf(ProtocolException.class).hasMessageStartingWith("the doc is not valid JSON");
        }
    }
}
