package io.eventmq.spring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tracer's propagation fields as extra eMQP headers ({@code traceparent:00-…}), which the Python reference
 * ignores as unknown headers. A value's {@code %}, {@code ,} and {@code :} are percent-encoded: the headers
 * frame is a comma-separated list of {@code name:value}.
 */
final class TraceHeaders {

    /** The protocol's own header names; a field of that name is never sent, so it cannot change a job. */
    private static final Set<String> PROTOCOL = Set.of("reply-requested", "retry-count", "timeout", "guarantee",
            "nohaste", "run_count");

    private TraceHeaders() {
    }

    static List<String> encode(Map<String, String> fields) {
        List<String> headers = new ArrayList<>(fields.size());
        fields.forEach((name, value) -> {
            if (!PROTOCOL.contains(name) && name.matches("[A-Za-z0-9_.-]+")) {
                headers.add(name + ":" + value.replace("%", "%25").replace(",", "%2C").replace(":", "%3A"));
            }
        });
        return headers;
    }

    static Map<String, String> decode(List<String> headers) {
        Map<String, String> fields = new HashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                fields.put(header.substring(0, colon), header.substring(colon + 1).replace("%3A", ":")
                        .replace("%2C", ",").replace("%25", "%"));
            }
        }
        return fields;
    }
}
