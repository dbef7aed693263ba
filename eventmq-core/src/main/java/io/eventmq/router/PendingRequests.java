package io.eventmq.router;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dispatched REQUESTs whose result may still come, by msgid, oldest dispatch first: whom to forward the
 * result to, and what the admin STATUS reports as in flight. Bounded by a limit and an expiry.
 */
final class PendingRequests {

    /**
     * A dispatched REQUEST.
     *
     * @param client       the frontend peer that sent it
     * @param queue        the queue it was dispatched from
     * @param acceptedAt   when the router received it
     * @param dispatchedAt when the router sent it to a worker
     * @param forward      whether to forward the worker's result to the client (not to schedulers)
     */
    record Pending(String client, String queue, long acceptedAt, long dispatchedAt, boolean forward) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final int limit;

    PendingRequests(int limit) {
        this.limit = limit;
    }

    /** Remembers a dispatched REQUEST. @return the msgid forgotten to stay within the limit, or {@code null} */
    String add(String msgid, Pending request) {
        pending.put(msgid, request);
        if (pending.size() <= limit) {
            return null;
        }
        Iterator<String> oldest = pending.keySet().iterator();
        String evicted = oldest.next();
        oldest.remove();
        return evicted;
    }

    Pending remove(String msgid) {
        return pending.remove(msgid);
    }

    /** Forgets the REQUESTs dispatched before {@code before}. @return how many */
    int expire(long before) {
        int expired = 0;
        Iterator<Pending> oldest = pending.values().iterator();
        while (oldest.hasNext() && oldest.next().dispatchedAt() < before) {
            oldest.remove();
            expired++;
        }
        return expired;
    }

    Collection<Pending> view() {
        return pending.values();
    }
}
