package io.eventmq.benchmarks;

/** What every benchmark job is: one REQUEST on the default queue with a reply requested, ~120-byte payload. */
final class Workload {

    static final String QUEUE = "default";
    static final String HEADERS = "reply-requested";
    /** The Python reference's job payload shape, 120 bytes. */
    static final String PAYLOAD = "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", \"args\": [12345678901], "
            + "\"kwargs\": {}, \"class_args\": [], \"class_kwargs\": {}}]";

    private Workload() {
    }
}
