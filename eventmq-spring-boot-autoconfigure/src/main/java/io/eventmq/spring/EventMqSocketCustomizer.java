package io.eventmq.spring;

import org.zeromq.ZMQ;

/**
 * Sets what the {@code eventmq.socket.*} properties cannot on the worker's ZeroMQ socket, each time one is made
 * (on start and on every reconnect), after the properties and before it connects.
 */
@FunctionalInterface
public interface EventMqSocketCustomizer {

    void customize(ZMQ.Socket socket);
}
