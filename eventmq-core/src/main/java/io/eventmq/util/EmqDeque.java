package io.eventmq.util;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The reference's bounded deque. {@code full} is the hard limit (0 = none): an add beyond it is refused,
 * the {@code onFull} callback gets the refused item, and the add answers {@code false}. {@code pfull} is a
 * programmable limit (defaults to {@code full}) that only {@link #isPfull()} reports, for callers that want
 * to slow down before the hard limit. "Left" is the head (oldest when appending), "right" the tail.
 * Items must not be {@code null}. Not thread-safe.
 *
 * @param <T> the elements
 */
public final class EmqDeque<T> implements Iterable<T> {

    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int full;
    private final int pfull;
    private final Consumer<? super T> onFull;

    /** A deque without limits. */
    public EmqDeque() {
        this(0, 0, item -> { });
    }

    /** A deque refusing adds beyond {@code full} (0 = none); {@code pfull} is {@code full}. */
    public EmqDeque(int full, Consumer<? super T> onFull) {
        this(full, full, onFull);
    }

    public EmqDeque(int full, int pfull, Consumer<? super T> onFull) {
        if (full < 0 || pfull < 0) {
            throw new IllegalArgumentException("limits must be 0 (none) or more, were full=" + full
                    + ", pfull=" + pfull);
        }
        if (onFull == null) {
            throw new IllegalArgumentException("onFull must not be null");
        }
        this.full = full;
        this.pfull = pfull;
        this.onFull = onFull;
    }

    public int full() {
        return full;
    }

    public int pfull() {
        return pfull;
    }

    /** Adds at the right (tail). @return {@code false} when refused because the deque is full */
    public boolean append(T item) {
        if (refuse(item)) {
            return false;
        }
        items.addLast(item);
        return true;
    }

    /** Adds at the left (head). @return {@code false} when refused because the deque is full */
    public boolean appendLeft(T item) {
        if (refuse(item)) {
            return false;
        }
        items.addFirst(item);
        return true;
    }

    /**
     * Appends all of {@code more} at the right, or none of them when they would not all fit (then
     * {@code onFull} gets the first of them).
     *
     * @return whether they were added
     * @throws NullPointerException when one of them is {@code null}; then none is added
     */
    public boolean extend(Collection<? extends T> more) {
        if (more.isEmpty()) {
            return true;
        }
        for (T item : more) {
            Objects.requireNonNull(item, "EmqDeque holds no null items");
        }
        if (full > 0 && items.size() + more.size() > full) {
            onFull.accept(more.iterator().next());
            return false;
        }
        items.addAll(more);
        return true;
    }

    private boolean refuse(T item) {
        if (isFull()) {
            onFull.accept(item);
            return true;
        }
        return false;
    }

    /** At the hard limit: the next add is refused. Never with {@code full} 0. */
    public boolean isFull() {
        return full > 0 && items.size() >= full;
    }

    /** At or beyond the programmable limit. Never with {@code pfull} 0. */
    public boolean isPfull() {
        return pfull > 0 && items.size() >= pfull;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    /** The rightmost (newest appended) item, {@code null} when empty. */
    public T peek() {
        return items.peekLast();
    }

    /** The leftmost (oldest appended) item, {@code null} when empty. */
    public T peekLeft() {
        return items.peekFirst();
    }

    /** Removes the rightmost item. @throws NoSuchElementException when empty */
    public T pop() {
        return items.removeLast();
    }

    /** Removes the leftmost item. @throws NoSuchElementException when empty */
    public T popLeft() {
        return items.removeFirst();
    }

    /** Removes the first occurrence of {@code item} from the left. @return whether it was there */
    public boolean remove(T item) {
        return items.removeFirstOccurrence(item);
    }

    /** Left to right. */
    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
