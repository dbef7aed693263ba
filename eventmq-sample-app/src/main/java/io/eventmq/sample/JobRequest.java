package io.eventmq.sample;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /jobs}: either a {@code queue} and its {@code payload} (any JSON), or a reference job's
 * {@code path} and {@code callable} with optional {@code args} and {@code kwargs}, sent to the {@code default} queue.
 */
record JobRequest(String queue, JsonNode payload, String path, String callable, List<Object> args,
                  Map<String, Object> kwargs) {

    /** Whether this is a reference job ({@code path} + {@code callable}) rather than a queue's payload. */
    boolean isReferenceJob() {
        return queue == null;
    }

    /**
     * Checks that exactly one of {@code queue} or {@code path} + {@code callable} is given, with what it needs.
     *
     * @throws InvalidJobRequestException naming the first invalid field
     */
    void validate() {
        if (queue != null) {
            requireText("queue", queue);
            if (path != null || callable != null || args != null || kwargs != null) {
                throw new InvalidJobRequestException(path != null ? "path" : callable != null ? "callable"
                        : args != null ? "args" : "kwargs",
                        "give either queue and payload, or path and callable (with args and kwargs), not both");
            }
            if (payload == null || payload.isNull()) {
                throw new InvalidJobRequestException("payload", "a job on a queue needs a payload");
            }
            return;
        }
        if (path == null && callable == null) {
            throw new InvalidJobRequestException("queue", "give either queue and payload, or path and callable");
        }
        requireText("path", path);
        requireText("callable", callable);
        if (payload != null) {
            throw new InvalidJobRequestException("payload", "a reference job takes args and kwargs, not a payload");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidJobRequestException(field, field + " must not be blank");
        }
    }
}
