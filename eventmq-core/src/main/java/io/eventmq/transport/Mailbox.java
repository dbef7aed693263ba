package io.eventmq.transport;

import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items from any thread to an I/O thread that waits in a {@link Poller}: {@link #post} queues an item
 * and, when the poller waits in its select, wakes it. The I/O thread then {@link #drain}s it. Nothing polls a
 * queue on a timer; a burst of posts costs one wake-up, and posts while the I/O thread is busy cost none: a
 * wake-up is a system call for the poster and a select that returns at once for the I/O thread.
 * <p>
 * It wakes with {@link Selector#wakeup()}, not a ZeroMQ socket pair: see {@code docs/jeromq-signaler-race.md}.
 *
 * @param <T> the items handed over
 */
public final class Mailbox<T> implements AutoCloseable {

    private final Queue<T> items = new ConcurrentLinkedQueue<>();
    /** Set by the poller before it checks for items and selects, taken by the one post that wakes it. */
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile Selector waker;
    private volatile boolean closed;

    /**
     * Queues {@code item} for the I/O thread and wakes its poller, from any thread. After {@link #close()}
     * the item is dropped, as nothing will drain it.
     */
    public void post(T item) {
        if (closed) {
            return;
        }
        items.add(item);
        if (waiting.get() && waiting.getAndSet(false)) {
            Selector selector = waker;
            if (selector != null) {
                selector.wakeup();
            }
        }
    }

    /**
     * Hands every queued item to {@code consumer}, oldest first. The I/O thread only.
     *
     * @return how many items were handed over
     */
    public int drain(Consumer<? super T> consumer) {
        int drained = 0;
        T item;
        while ((item = items.poll()) != null) {
            consumer.accept(item);
            drained++;
        }
        return drained;
    }

    /** Whether items wait to be drained. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * Called by the {@link Poller} before it looks at {@link #isEmpty()} and selects: the first post from now on
     * wakes its selector. An item queued before this is seen by that look, one queued after by this flag.
     */
    void waiting() {
        waiting.set(true);
    }

    /** Called by the {@link Poller} when it stops waiting: posts need not wake it. */
    void awake() {
        waiting.set(false);
    }

    /** Called by the {@link Poller} that waits for this mailbox; {@code null} when it lets go. */
    void wakeWith(Selector selector) {
        waker = selector;
        if (selector != null && !items.isEmpty()) {
            selector.wakeup();
        }
    }

    /** Drops what is queued; later posts are dropped too. */
    @Override
    public void close() {
        closed = true;
        waker = null;
        items.clear();
    }
}
