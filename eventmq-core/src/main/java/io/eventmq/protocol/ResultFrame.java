package io.eventmq.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code result} frame of a REPLY, as a worker sends it and our router forwards or writes it:
 * {@code {"value": <value>}}, with an {@code error} object beside {@code value} when the job did not succeed.
 */
public final class ResultFrame {

    private ResultFrame() {
    }

    /**
     * A job's return value: {@code {"value": <value>}}. The wrapper is written here, as the reference's
     * separators have it: a map around the value costs the serializer a map, its entry and a nested context.
     */
    public static String value(Object value) {
        return "{\"value\": " + WireJson.write(value) + "}";
    }

    /**
     * A job that failed: {@code {"value": "<message>", "error": {"type", "message"}}}. The error's text stays in
     * {@code value}, where the reference puts it, so a Python peer still sees it.
     */
    public static String failure(String type, String message) {
        return withError(message, type, message);
    }

    /** A REQUEST that was never run, e.g. refused by the router: {@code {"value": null, "error": {...}}}. */
    public static String refusal(String type, String message) {
        return withError(null, type, message);
    }

    private static String withError(String value, String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>(2);
        error.put("type", type);
        error.put("message", message);
        Map<String, Object> result = new LinkedHashMap<>(2);
        result.put("value", value);
        result.put("error", error);
        return WireJson.write(result);
    }
}
