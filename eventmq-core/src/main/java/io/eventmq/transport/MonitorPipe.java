package io.eventmq.transport;

import java.util.concurrent.atomic.AtomicInteger;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * The reading end of a ZeroMQ socket monitor, on an inproc address of its own. One thread only. JeroMQ's I/O
 * thread writes each event with a blocking send, and a monitor lasts until its socket is destroyed, a moment
 * after it is closed: so {@link #close()} stops the monitor before it closes this end, or an event of the closing
 * socket would find no reader and stall the context's I/O thread.
 */
final class MonitorPipe implements AutoCloseable {

    private static final AtomicInteger MONITORS = new AtomicInteger();

    private final ZMQ.Socket monitored;
    private final ZMQ.Socket pipe;

    /** Starts watching {@code socket} for {@code events}; call before it binds or connects, to miss none. */
    MonitorPipe(ZContext context, EmqpSocket socket, int events) {
        String address = "inproc://eventmq-monitor-" + MONITORS.incrementAndGet();
        monitored = socket.zmqSocket();
        if (!monitored.monitor(address, events)) {
            throw new IllegalStateException("cannot monitor a socket on " + address);
        }
        pipe = context.createSocket(SocketType.PAIR);
        pipe.connect(address);
    }

    /** The next event waiting, {@code null} when none waits. */
    ZEvent next() {
        return ZEvent.recv(pipe, ZMQ.DONTWAIT);
    }

    ZMQ.Socket socket() {
        return pipe;
    }

    /** Stops the monitor, then closes this end; call before the monitored socket is closed. */
    @Override
    public void close() {
        monitored.monitor(null, 0);
        pipe.close();
    }
}
