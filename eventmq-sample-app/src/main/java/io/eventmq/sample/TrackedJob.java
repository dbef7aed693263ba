package io.eventmq.sample;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A job submitted through the HTTP API, as {@code GET /jobs/{id}} shows it. The {@code id} is this application's,
 * not the eMQP msgid: {@code EmqpTemplate.request} returns a future of the result, not the msgid.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TrackedJob(String id, JobState state, String queue, String path, String callable, Instant submitted,
                  Instant finished, JsonNode result, JobError error) {

    static TrackedJob sent(String id, String queue, JobRequest request, Instant now) {
        return new TrackedJob(id, JobState.SENT, queue, request.path(), request.callable(), now, null, null, null);
    }

    TrackedJob done(JsonNode value, Instant now) {
        return new TrackedJob(id, JobState.DONE, queue, path, callable, submitted, now, value, null);
    }

    TrackedJob failed(JobError reason, Instant now) {
        return new TrackedJob(id, JobState.FAILED, queue, path, callable, submitted, now, null, reason);
    }
}
