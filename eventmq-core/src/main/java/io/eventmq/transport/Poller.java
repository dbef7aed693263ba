package io.eventmq.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.zeromq.ZMQ;

/**
 * Waits until one of its sockets or mailboxes is readable, or a timeout passes. Owned by one I/O thread.
 * A {@link Mailbox} is readable while items wait in it; its posts wake the poller's selector while it waits.
 * After {@link EmqpSocket#rebuild()} the socket must be unregistered before and registered again after.
 * Why it is not JeroMQ's poller, and why it yields: {@code docs/jeromq-signaler-race.md}, "Poller and Mailbox".
 */
public final class Poller implements AutoCloseable {

    /** The select's key action: readiness is read from the sockets, not from the keys. */
    private static final Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final Selector selector;
    private final List<Registered> registered = new ArrayList<>(4);
    private final List<Mailbox<?>> mailboxes = new ArrayList<>(1);

    private static final class Registered {
        final ZMQ.Socket socket;
        final SelectionKey key;
        boolean readable;

        Registered(ZMQ.Socket socket, SelectionKey key) {
            this.socket = socket;
            this.key = key;
        }
    }

    /** A poller with its own selector, which {@link #close()} closes. */
    public Poller() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    public void register(EmqpSocket socket) {
        register(socket.zmqSocket());
    }

    /** Lets {@code monitor}'s events wake this poller. */
    public void register(HandshakeMonitor monitor) {
        register(monitor.pipe());
    }

    /** Lets {@code monitor}'s changes wake this poller. */
    public void register(LinkMonitor monitor) {
        register(monitor.pipe());
    }

    /** Lets {@code mailbox}'s posts wake this poller; it is readable while items wait in it. */
    public void register(Mailbox<?> mailbox) {
        if (!mailboxes.contains(mailbox)) {
            mailboxes.add(mailbox);
            mailbox.wakeWith(selector);
        }
    }

    private void register(ZMQ.Socket socket) {
        if (find(socket) != null) {
            return;
        }
        try {
            registered.add(new Registered(socket, socket.getFD().register(selector, SelectionKey.OP_READ)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register a socket with the poller", e);
        }
    }

    public void unregister(EmqpSocket socket) {
        unregister(socket.zmqSocket());
    }

    public void unregister(LinkMonitor monitor) {
        unregister(monitor.pipe());
    }

    public void unregister(Mailbox<?> mailbox) {
        if (mailboxes.remove(mailbox)) {
            mailbox.wakeWith(null);
        }
    }

    /** Cancels the socket's key and lets the selector forget it at once, so it could be registered again. */
    private void unregister(ZMQ.Socket socket) {
        Registered entry = find(socket);
        if (entry != null) {
            registered.remove(entry);
            entry.key.cancel();
            try {
                selector.selectNow();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update the poller's selector", e);
            }
        }
    }

    private Registered find(ZMQ.Socket socket) {
        for (Registered entry : registered) {
            if (entry.socket == socket) {
                return entry;
            }
        }
        return null;
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
     * Waits up to {@code timeoutMillis} (negative: without end, 0: not at all) for something readable.
     * Returns at once when a socket is readable already.
     *
     * @return how many are readable
     */
    public int poll(long timeoutMillis) {
        if (timeoutMillis == 0) {
            return readReadiness();
        }
        mailboxesWaiting(true);
        try {
            return await(timeoutMillis);
        } finally {
            mailboxesWaiting(false);
        }
    }

    /** Selects until something is readable or the timeout passes; mailboxes wake it meanwhile. */
    private int await(long timeoutMillis) {
        int readable = readReadiness();
        if (readable > 0) {
            return readable;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long remaining = timeoutMillis < 0 ? -1 : deadline - System.nanoTime();
            if (timeoutMillis > 0 && remaining <= 0) {
                return 0;
            }
            int selected;
            try {
                selected = remaining < 0 ? selector.select(IGNORE_KEY)
                        : selector.select(IGNORE_KEY, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            } catch (IOException e) {
                throw new UncheckedIOException("the poller's select failed", e);
            }
            mailboxesWaiting(true);
            readable = readReadiness();
            if (readable > 0) {
                return readable;
            }
            if (selected > 0) {
                Thread.yield();
            }
        }
    }

    /**
     * Tells the mailboxes whether a post must wake the selector. Set again after every select, before the
     * readiness is read, as the post that woke it took the mark.
     */
    private void mailboxesWaiting(boolean waiting) {
        for (int i = 0; i < mailboxes.size(); i++) {
            if (waiting) {
                mailboxes.get(i).waiting();
            } else {
                mailboxes.get(i).awake();
            }
        }
    }

    /**
     * Asks each socket whether a message waits. Taking ZeroMQ's pending commands this way also takes the
     * wake-up signal from its channel, so the next select blocks until something new arrives.
     */
    private int readReadiness() {
        int readable = 0;
        for (int i = 0; i < registered.size(); i++) {
            Registered entry = registered.get(i);
            entry.readable = (entry.socket.getEvents() & ZMQ.Poller.POLLIN) != 0;
            if (entry.readable) {
                readable++;
            }
        }
        for (int i = 0; i < mailboxes.size(); i++) {
            if (!mailboxes.get(i).isEmpty()) {
                readable++;
            }
        }
        return readable;
    }

    /** Whether {@code socket} was readable at the last {@link #poll}. */
    public boolean isReadable(EmqpSocket socket) {
        return isReadable(socket.zmqSocket());
    }

    /** Whether items wait in {@code mailbox} now. */
    public boolean isReadable(Mailbox<?> mailbox) {
        return mailboxes.contains(mailbox) && !mailbox.isEmpty();
    }

    private boolean isReadable(ZMQ.Socket socket) {
        Registered entry = find(socket);
        return entry != null && entry.readable;
    }

    @Override
    public void close() {
        mailboxes.forEach(mailbox -> mailbox.wakeWith(null));
        mailboxes.clear();
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the poller's selector", e);
        }
    }
}
