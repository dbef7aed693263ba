package io.eventmq.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.zeromq.ZMQ;

import zmq.ZError;

/**
 * Waits until one of its sockets or mailboxes is readable, or a timeout passes. Owned by one I/O thread.
 * A {@link Mailbox} is readable while items wait in it; its posts wake the poller's selector while it waits.
 * The I/O thread holds the poller's turn while it polls and lets go of it only while it waits in the select,
 * when {@link Mailbox#runOrPost} may take it to work with the sockets from another thread.
 * After {@link EmqpSocket#rebuild()} the socket must be unregistered before and registered again after.
 * Why it is not JeroMQ's poller, and why it yields: {@code docs/jeromq-signaler-race.md}, "Poller and Mailbox".
 */
public final class Poller implements AutoCloseable {

    /** The select's key action: readiness is read from the sockets, not from the keys. */
    private static final Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final Selector selector;
    private final List<Registered> registered = new ArrayList<>(4);
    private final List<Mailbox<?>> mailboxes = new ArrayList<>(1);
    /** Whoever holds it may use the sockets: the polling I/O thread, or another thread while that one selects. */
    private final ReentrantLock turn = new ReentrantLock();

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
            mailbox.wakeWith(this);
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
        turn.lock();
        try {
            if (timeoutMillis == 0) {
                return readReadiness();
            }
            mailboxesWaiting(true);
            try {
                return await(timeoutMillis);
            } finally {
                mailboxesWaiting(false);
            }
        } finally {
            turn.unlock();
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
            turn.unlock();
            try {
                selected = remaining < 0 ? selector.select(IGNORE_KEY)
                        : selector.select(IGNORE_KEY, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            } catch (IOException e) {
                throw new UncheckedIOException("the poller's select failed", e);
            } finally {
                turn.lock();
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
            entry.readable = (events(entry.socket) & ZMQ.Poller.POLLIN) != 0;
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

    /** Takes the turn if nobody holds it; the caller then checks that the I/O thread waits in the select. */
    boolean tryTurn() {
        return turn.tryLock();
    }

    /**
     * Gives the turn back. After work with the sockets from another thread ({@code worked}), wakes the select if a
     * socket has become readable meanwhile: that work may have taken the wake-up signal from the socket's channel.
     */
    void endTurn(boolean worked) {
        try {
            if (worked && readReadiness() > 0) {
                wakeup();
            }
        } finally {
            turn.unlock();
        }
    }

    /** Makes the select return now, or the next one at once. Any thread. */
    void wakeup() {
        selector.wakeup();
    }

    /**
     * ZeroMQ's events of {@code socket}. JeroMQ answers -1 and clears the interrupt when it finds the calling
     * thread interrupted, which a thread working in the I/O thread's turn may be: it is asked again, and the
     * interrupt given back.
     */
    private static int events(ZMQ.Socket socket) {
        boolean interrupted = false;
        try {
            while (true) {
                int events = socket.getEvents();
                if (events >= 0 || socket.errno() != ZError.EINTR) {
                    return events;
                }
                interrupted = true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
