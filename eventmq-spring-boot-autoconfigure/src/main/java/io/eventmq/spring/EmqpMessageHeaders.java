package io.eventmq.spring;

/** The names of the message headers an {@link EmqpHandler} method can take with {@code @Header}. */
public final class EmqpMessageHeaders {

    /** The REQUEST's msgid; its REPLY names it. */
    public static final String MSGID = "msgid";

    /** The queue the REQUEST was sent to. */
    public static final String QUEUE = "queue";

    /** The eMQP headers frame as sent, e.g. {@code reply-requested,timeout:30}. */
    public static final String HEADERS = "headers";

    /** The core {@link io.eventmq.device.Job}; a parameter of that type takes it without an annotation. */
    static final String JOB = "eventmq_job";

    private EmqpMessageHeaders() {
    }
}
