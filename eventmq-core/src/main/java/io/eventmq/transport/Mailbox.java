package io.eventmq.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items from any thread to an I/O thread that waits in a {@link Poller}: {@link #post} queues an item
 * and, when the poller waits in its select, wakes it. The I/O thread then {@link #drain}s it. Nothing polls a
 * queue on a timer; a burst of posts costs one wake-up, and posts while the I/O thread is busy cost none: a
 * wake-up is a system call for the poster and a select that returns at once for the I/O thread. While the I/O
 * thread waits, {@link #runOrPost} does the item's work on the calling thread instead, with no wake-up at all.
 * <p>
 * It wakes its poller's selector, not a ZeroMQ socket pair: see {@code docs/jeromq-signaler-race.md}.
 *
 * @param <T> the items handed over
 */
public final class Mailbox<T> implements AutoCloseable {

    private final Queue<T> items = new ConcurrentLinkedQueue<>();
    /**
     * Set by the poller before it checks for items and selects, taken by the one post that wakes it; while it is
     * set and the poller's turn is free, the I/O thread is in its select ({@link #runOrPost}).
     */
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile Poller waker;
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
            Poller poller = waker;
            if (poller != null) {
                poller.wakeup();
            }
        }
    }

    /**
     * Hands {@code item} to {@code action} on the calling thread when the I/O thread waits in its poller and
     * nothing is queued before it, else {@link #post}s it: one wake-up and one thread hop fewer. The action then
     * runs with the poller's turn, which keeps the I/O thread out until it is done, so it may do what the I/O
     * thread does with the item. An interrupted thread posts; an interrupt that comes meanwhile is kept for the
     * thread and cuts no message short ({@link EmqpSocket} sends a frame JeroMQ refused for it again).
     */
    public void runOrPost(T item, Consumer<? super T> action) {
        Poller poller = waker;
        if (poller != null && waiting.get() && !Thread.currentThread().isInterrupted() && poller.tryTurn()) {
            boolean ran = false;
            try {
                if (waiting.get() && items.isEmpty() && !closed) {
                    ran = true;
                    action.accept(item);
                }
            } finally {
                poller.endTurn(ran);
            }
            if (ran) {
                return;
            }
        }
        post(item);
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
    void wakeWith(Poller poller) {
        waker = poller;
        if (poller != null && !items.isEmpty()) {
            poller.wakeup();
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
