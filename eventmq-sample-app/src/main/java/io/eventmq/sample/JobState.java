package io.eventmq.sample;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a submitted job is, as far as this application knows: sent and awaiting its result, done, or failed. The
 * router's receipt (its "accepted") is not shown: {@code EmqpTemplate.request} does not expose it.
 */
enum JobState {
    SENT, DONE, FAILED;

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
