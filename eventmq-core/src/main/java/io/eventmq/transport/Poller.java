package io.eventmq.transport;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Waits until one of its sockets or mailboxes is readable, or a timeout passes. Owned by one I/O thread.
 * After {@link EmqpSocket#rebuild()} the socket must be unregistered before and registered again after.
 */
public final class Poller implements AutoCloseable {

    private final ZMQ.Poller poller;
    private final Map<ZMQ.Socket, Integer> indexes = new IdentityHashMap<>();

    public Poller(ZContext context) {
        this.poller = context.createPoller(4);
    }

    public void register(EmqpSocket socket) {
        register(socket.zmqSocket());
    }

    public void register(Mailbox<?> mailbox) {
        register(mailbox.zmqSocket());
    }

    private void register(ZMQ.Socket socket) {
        if (!indexes.containsKey(socket)) {
            indexes.put(socket, poller.register(socket, ZMQ.Poller.POLLIN));
        }
    }

    public void unregister(EmqpSocket socket) {
        unregister(socket.zmqSocket());
    }

    public void unregister(Mailbox<?> mailbox) {
        unregister(mailbox.zmqSocket());
    }

    private void unregister(ZMQ.Socket socket) {
        if (indexes.remove(socket) != null) {
            poller.unregister(socket);
            reindex();
        }
    }

    /** JeroMQ's poller removes an unregistered item from its list: the later items' indexes shift. */
    private void reindex() {
        indexes.clear();
        for (int index = 0; index < poller.getSize(); index++) {
            ZMQ.Socket registered = poller.getSocket(index);
            if (registered != null) {
                indexes.put(registered, index);
            }
        }
    }

    /**
     * Waits up to {@code timeout} (negative: without end) for something readable.
     *
     * @return how many registered sockets are readable
     */
    public int poll(Duration timeout) {
        return poll(timeout.isNegative() ? -1 : timeout.toMillis());
    }

    /**
     * Waits up to {@code timeoutMillis} (negative: without end; JeroMQ itself would answer 0 at once for
     * anything below -1, a busy loop for a caller that subtracted its way below zero).
     *
     * @return how many are readable
     */
    public int poll(long timeoutMillis) {
        return poller.poll(timeoutMillis < 0 ? -1 : timeoutMillis);
    }

    /** Whether {@code socket} was readable at the last {@link #poll}. */
    public boolean isReadable(EmqpSocket socket) {
        return isReadable(socket.zmqSocket());
    }

    public boolean isReadable(Mailbox<?> mailbox) {
        return isReadable(mailbox.zmqSocket());
    }

    private boolean isReadable(ZMQ.Socket socket) {
        Integer index = indexes.get(socket);
        return index != null && poller.pollin(index);
    }

    @Override
    public void close() {
        poller.close();
    }
}
