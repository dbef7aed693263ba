package io.eventmq.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.eventmq.protocol.WireJson;

/**
 * How a job ended, computed on its job thread.
 *
 * @param outcome the outcome
 * @param reply   the REPLY's result frame, {@code null} when the REQUEST asked for no reply
 * @param nanos   how long the job ran, all attempts together
 */
record JobResult(JobOutcome outcome, String reply, long nanos) {

    /** Error types of failures the device itself reports; a failing handler's are its exception's name. */
    static final String NO_HANDLER = "NoHandler";
    static final String NO_FREE_SLOT = "NoFreeSlot";
    static final String TIMEOUT = "Timeout";
    static final String INTERRUPTED = "Interrupted";

    /** {@code {"value": <value>}}. */
    static String valueReply(Object value) {
        return WireJson.write(Collections.singletonMap("value", value));
    }

    /**
     * {@code {"value": "<message>", "error": {"type": "<type>", "message": "<message>"}}}: the error's text
     * in {@code value}, as the reference puts it there, and the error beside it.
     */
    static String errorReply(String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>(2);
        error.put("type", type);
        error.put("message", message);
        Map<String, Object> reply = new LinkedHashMap<>(2);
        reply.put("value", message);
        reply.put("error", error);
        return WireJson.write(reply);
    }
}
