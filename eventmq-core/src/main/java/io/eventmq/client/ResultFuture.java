package io.eventmq.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The future of a REQUEST's result, never completed on the client's I/O thread, where it would run the callers'
 * dependent actions. The I/O thread {@link #deliver}s the completion instead: a caller blocked in {@link #get()}
 * or {@link #join()} wakes and completes the future itself, one thread hop fewer than through the callback
 * executor, which completes it when nobody waits.
 */
final class ResultFuture extends CompletableFuture<String> {

    /** The bit of {@link #state} set on delivery; the bits below count the callers waiting. */
    private static final int DELIVERED = 1 << 30;

    private final AtomicInteger state = new AtomicInteger();
    private final AtomicBoolean claimed = new AtomicBoolean();
    /** Wakes the callers waiting in get and join; nothing else depends on it, so completing it runs nothing else. */
    private final CompletableFuture<Void> arrived = new CompletableFuture<>();
    private volatile Runnable completion;

    /**
     * Hands {@code completion} over from the I/O thread: to the callers waiting in get or join, else to
     * {@code callbacks}. A caller whose wait ends otherwise (time-out, interrupt) runs it on its way out.
     */
    void deliver(Runnable completion, Executor callbacks) {
        this.completion = completion;
        int before = state.getAndAdd(DELIVERED);
        arrived.complete(null);
        if (before == 0) {
            callbacks.execute(this::completeDelivered);
        }
    }

    /** How many callers wait in get or join now. */
    int waiting() {
        return state.get() & ~DELIVERED;
    }

    /** Runs the delivered completion, once, on the calling thread. */
    private void completeDelivered() {
        Runnable delivered = completion;
        if (delivered != null && claimed.compareAndSet(false, true)) {
            delivered.run();
        }
    }

    @Override
    public String get() throws InterruptedException, ExecutionException {
        state.incrementAndGet();
        try {
            arrived.get();
        } finally {
            leave();
        }
        return super.get();
    }

    @Override
    public String get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        state.incrementAndGet();
        try {
            arrived.get(timeout, unit);
        } finally {
            leave();
        }
        return super.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public String join() {
        state.incrementAndGet();
        try {
            arrived.join();
        } finally {
            leave();
        }
        return super.join();
    }

    /** A caller that was counted when the completion came runs it, unless someone did already. */
    private void leave() {
        if ((state.decrementAndGet() & DELIVERED) != 0) {
            completeDelivered();
        }
    }

    /** Completing it from elsewhere ({@code complete}, {@code orTimeout}, {@code cancel}) ends the waits too. */
    @Override
    public boolean complete(String value) {
        boolean completed = super.complete(value);
        arrived.complete(null);
        return completed;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        boolean completed = super.completeExceptionally(failure);
        arrived.complete(null);
        return completed;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        arrived.complete(null);
        return cancelled;
    }
}
