package io.eventmq.benchmarks;

/**
 * What every benchmark job is: one REQUEST on the default queue with a reply requested, a payload in the Python
 * reference's shape whose job returns its {@code args}, {@code [12345678901]}, whatever the payload's size.
 */
final class Workload {

    static final String QUEUE = "default";
    static final String HEADERS = "reply-requested";
    /** The Python reference's job payload shape, 120 bytes. */
    static final String PAYLOAD = "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", \"args\": [12345678901], "
            + "\"kwargs\": {}, \"class_args\": [], \"class_kwargs\": {}}]";
    private static final String DATA = "\"data\": \"\"";

    private Workload() {
    }

    /** {@link #PAYLOAD}, or for more bytes the same job with a {@code data} keyword argument that fills them. */
    static String payload(int bytes) {
        if (bytes == PAYLOAD.length()) {
            return PAYLOAD;
        }
        if (bytes < PAYLOAD.length() + DATA.length()) {
            throw new IllegalArgumentException("a payload has 120 bytes, or " + (PAYLOAD.length() + DATA.length())
                    + " or more; asked for " + bytes);
        }
        String data = "x".repeat(bytes - PAYLOAD.length() - DATA.length());
        return PAYLOAD.replace("\"kwargs\": {}", "\"kwargs\": {\"data\": \"" + data + "\"}");
    }
}
