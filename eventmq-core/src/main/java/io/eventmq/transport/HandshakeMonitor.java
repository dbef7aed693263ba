package io.eventmq.transport;

import java.util.function.Consumer;

import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * Watches the connections a CURVE server socket accepts, through a ZeroMQ socket monitor, and tells of each peer
 * refused before authentication. JeroMQ 0.6.0 reports a peer without the server's public key as
 * {@code HANDSHAKE_FAILED_PROTOCOL}; a plaintext peer fails the ZMTP greeting, which it reports only as a
 * disconnect without {@code HANDSHAKE_PROTOCOL} (greeting done), so a disconnect while an accepted connection has
 * not greeted counts as one (approximate when a greeted peer leaves while another is mid-greeting). A ZAP denial
 * raises no server-side event: {@link CurveAuthenticator} reports those. One thread only.
 */
public final class HandshakeMonitor implements AutoCloseable {

    private static final int EVENTS = ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_DISCONNECTED | ZMQ.EVENT_HANDSHAKE_PROTOCOL
            | ZMQ.HANDSHAKE_FAILED_PROTOCOL;

    private final MonitorPipe pipe;
    private long accepted;
    private long greeted;
    private long notGreeted;

    /** Starts watching {@code socket}; call before it binds. */
    public HandshakeMonitor(ZContext context, EmqpSocket socket) {
        pipe = new MonitorPipe(context, socket, EVENTS);
    }

    /**
     * Reads the events waiting and hands {@code refused} a line saying why, for each peer refused.
     *
     * @return how many events were read
     */
    public int drain(Consumer<String> refused) {
        int read = 0;
        for (ZEvent event = pipe.next(); event != null; event = pipe.next()) {
            read++;
            String address = event.getAddress();
            switch (event.getEvent()) {
                case ACCEPTED -> accepted++;
                case HANDSHAKE_PROTOCOL -> greeted++;
                case HANDSHAKE_FAILED_PROTOCOL -> refused.accept("a peer on " + address + " failed the CURVE "
                        + "handshake (" + event.getValue() + "): it does not have the router's public key, or is "
                        + "not a CURVE client");
                case DISCONNECTED -> {
                    if (accepted - greeted - notGreeted > 0) {
                        notGreeted++;
                        refused.accept("a peer on " + address + " left before the ZMTP greeting: a plaintext "
                                + "peer (no CURVE), or not ZeroMQ");
                    }
                }
                default -> { }
            }
        }
        return read;
    }

    ZMQ.Socket pipe() {
        return pipe.socket();
    }

    @Override
    public void close() {
        pipe.close();
    }
}
