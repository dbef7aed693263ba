package io.eventmq.transport;

import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * Watches a DEALER's connection to its one peer through a ZeroMQ socket monitor: {@link Change#UP} once the ZMTP
 * greeting is done, {@link Change#DOWN} when the connection closes (the peer ended or was restarted) or the
 * security handshake failed (JeroMQ 0.6.0 tells of no CURVE success, only of failures). One thread only.
 */
public final class LinkMonitor implements AutoCloseable {

    /** What happened to the link. */
    public enum Change { UP, DOWN }

    private static final int EVENTS = ZMQ.EVENT_HANDSHAKE_PROTOCOL | ZMQ.EVENT_DISCONNECTED
            | ZMQ.HANDSHAKE_FAILED_NO_DETAIL | ZMQ.HANDSHAKE_FAILED_PROTOCOL | ZMQ.HANDSHAKE_FAILED_AUTH;

    private final MonitorPipe pipe;

    /** Starts watching {@code socket}; call before it connects. */
    public LinkMonitor(ZContext context, EmqpSocket socket) {
        pipe = new MonitorPipe(context, socket, EVENTS);
    }

    /** The next change that happened, in order; {@code null} when none waits. */
    public Change next() {
        for (ZEvent event = pipe.next(); event != null; event = pipe.next()) {
            switch (event.getEvent()) {
                case HANDSHAKE_PROTOCOL -> {
                    return Change.UP;
                }
                case DISCONNECTED, HANDSHAKE_FAILED_NO_DETAIL, HANDSHAKE_FAILED_PROTOCOL, HANDSHAKE_FAILED_AUTH -> {
                    return Change.DOWN;
                }
                default -> { }
            }
        }
        return null;
    }

    ZMQ.Socket pipe() {
        return pipe.socket();
    }

    @Override
    public void close() {
        pipe.close();
    }
}
