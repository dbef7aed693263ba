package io.eventmq.spring;

import java.util.Map;

import io.micrometer.observation.transport.ReceiverContext;

/** What an {@link EmqpObservation#PROCESS} observes; the carrier holds the trace context the client sent. */
public class EmqpProcessContext extends ReceiverContext<Map<String, String>> {

    private final String queue;
    private final String msgid;

    public EmqpProcessContext(String queue, String msgid, Map<String, String> carrier) {
        super(Map::get);
        this.queue = queue;
        this.msgid = msgid;
        setCarrier(carrier);
    }

    /** The queue the REQUEST was sent to when the worker serves it, else {@code other}: a tag a peer cannot grow. */
    public String getQueue() {
        return queue;
    }

    public String getMsgid() {
        return msgid;
    }
}
