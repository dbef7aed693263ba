package io.eventmq.device;

import java.util.Objects;

import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;

/**
 * A REQUEST as a {@link JobHandler} gets it.
 *
 * @param msgid      the REQUEST's msgid (a REPLY names it)
 * @param queue      the queue it was sent to
 * @param headers    its headers
 * @param payload    the payload frame as sent
 * @param jobPayload the payload parsed, when it has the reference's {@code ["run", {...}]} shape; else
 *                   {@code null}
 */
public record Job(String msgid, String queue, Headers headers, String payload, JobPayload jobPayload) {

    public Job {
        Objects.requireNonNull(msgid, "msgid");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(payload, "payload");
    }
}
