package io.eventmq.device;

import java.util.Objects;

import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.ProtocolException;

/**
 * A REQUEST as a {@link JobHandler} gets it. The payload is parsed as the reference's job payload on the first
 * call of {@link #jobPayload()}, so a handler that reads the frame itself never pays for the JSON tree.
 */
public final class Job {

    private final String msgid;
    private final String queue;
    private final Headers headers;
    private final String payload;
    private JobPayload jobPayload;
    private boolean parsed;

    /**
     * @param msgid   the REQUEST's msgid (a REPLY names it)
     * @param queue   the queue it was sent to
     * @param headers its headers
     * @param payload the payload frame as sent
     */
    public Job(String msgid, String queue, Headers headers, String payload) {
        this.msgid = Objects.requireNonNull(msgid, "msgid");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    public String msgid() {
        return msgid;
    }

    public String queue() {
        return queue;
    }

    public Headers headers() {
        return headers;
    }

    public String payload() {
        return payload;
    }

    /** The payload parsed, when it has the reference's {@code ["run", {...}]} shape; else {@code null}. */
    public synchronized JobPayload jobPayload() {
        if (!parsed) {
            try {
                jobPayload = JobPayload.parse(payload);
            } catch (ProtocolException e) {
                jobPayload = null;
            }
            parsed = true;
        }
        return jobPayload;
    }

    @Override
    public String toString() {
        return "Job[msgid=" + msgid + ", queue=" + queue + "]";
    }
}
