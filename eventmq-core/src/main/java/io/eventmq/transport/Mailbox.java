package io.eventmq.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.protocol.MessageIds;

/**
 * Hands items from any thread to an I/O thread that waits in a {@link Poller}: {@link #post} queues an item
 * and, when the mailbox was empty, wakes the poller through an in-process socket pair. The I/O thread then
 * {@link #drain}s it. Nothing polls a queue on a timer; a burst of posts costs one wake-up.
 *
 * @param <T> the items handed over
 */
public final class Mailbox<T> implements AutoCloseable {

    private final Queue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final ZMQ.Socket receiver;
    private final ZMQ.Socket sender;

    public Mailbox(ZContext context) {
        String endpoint = "inproc://eventmq-mailbox-" + MessageIds.next();
        receiver = context.createSocket(SocketType.PAIR);
        receiver.setLinger(0);
        receiver.bind(endpoint);
        sender = context.createSocket(SocketType.PAIR);
        sender.setLinger(0);
        sender.connect(endpoint);
    }

    /**
     * Queues {@code item} for the I/O thread and wakes it. Any thread, interrupted or not: JeroMQ wakes the
     * poller through an interruptible NIO pipe that an interrupt would close for good, so a pending
     * interrupt is set aside during the send and restored after it.
     */
    public void post(T item) {
        items.add(item);
        if (signalled.compareAndSet(false, true)) {
            boolean interrupted = Thread.interrupted();
            try {
                synchronized (sender) {
                    sender.send(ZMQ.MESSAGE_SEPARATOR, ZMQ.DONTWAIT);
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Hands every queued item to {@code consumer}, oldest first. The I/O thread only.
     * <p>
     * The wake-up frames are taken before the flag is cleared: a post that finds the flag set then has a
     * frame still on its way, so an item queued after this drain always wakes the poller again.
     *
     * @return how many items were handed over
     */
    public int drain(Consumer<? super T> consumer) {
        while (receiver.recv(ZMQ.DONTWAIT) != null) {
            // one wake-up frame per burst of posts; the items are in the queue
        }
        signalled.set(false);
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

    ZMQ.Socket zmqSocket() {
        return receiver;
    }

    @Override
    public void close() {
        synchronized (sender) {
            sender.close();
        }
        receiver.close();
    }
}
