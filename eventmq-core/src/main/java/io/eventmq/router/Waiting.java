package io.eventmq.router;

import io.eventmq.protocol.Message;

/**
 * A REQUEST as the router holds it until a worker has it: the client's message and when it arrived.
 *
 * @param request    the REQUEST as received, its sender the client
 * @param acceptedAt when it arrived, in the router's milliseconds
 */
record Waiting(Message request, long acceptedAt) {
}
