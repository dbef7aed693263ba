package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResultFrameTest {

    @Test
    void aValueIsWrappedAsTheReferenceWritesIt() {
        assertThat(ResultFrame.value(Map.of("echo", 7))).isEqualTo("{\"value\": {\"echo\": 7}}");
        assertThat(ResultFrame.value(List.of(1, "a"))).isEqualTo("{\"value\": [1, \"a\"]}");
        assertThat(ResultFrame.value(null)).isEqualTo("{\"value\": null}");
    }

    @Test
    void aFailureKeepsItsTextInValueAndAddsTheError() {
        assertThat(ResultFrame.failure("Timeout", "job timed out after 5 s")).isEqualTo(
                "{\"value\": \"job timed out after 5 s\", \"error\": {\"type\": \"Timeout\","
                        + " \"message\": \"job timed out after 5 s\"}}");
    }

    @Test
    void aRefusalHasNoValue() {
        assertThat(ResultFrame.refusal("QueueFull", "queue is full")).isEqualTo(
                "{\"value\": null, \"error\": {\"type\": \"QueueFull\", \"message\": \"queue is full\"}}");
    }
}
