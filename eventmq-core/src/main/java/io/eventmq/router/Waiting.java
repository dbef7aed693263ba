package io.eventmq.router;

import io.eventmq.protocol.Message;

/**
 * A REQUEST as the router holds it until a worker has it: the client's message and when it arrived.
 *
 * @param request    the REQUEST as received, its sender the client
 * @param acceptedAt when it arrived, in the router's milliseconds
 * @param bytes      what it holds: its msgid and body frames, one byte a char as a ROUTER reads them
 */
record Waiting(Message request, long acceptedAt, long bytes) {

    static Waiting of(Message request, long acceptedAt) {
        long bytes = request.msgid().length();
        for (String frame : request.body()) {
            bytes += frame.length();
        }
        return new Waiting(request, acceptedAt, bytes);
    }
}
