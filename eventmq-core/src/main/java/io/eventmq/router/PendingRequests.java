package io.eventmq.router;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.eventmq.protocol.Message;

/**
 * The dispatched REQUESTs whose result may still come, by msgid, oldest dispatch first, and by the worker they
 * went to: whom to forward the result to, whose result to accept, what to do when the worker is lost, and what
 * the admin STATUS reports as in flight. Bounded by a limit and an expiry.
 */
final class PendingRequests {

    /**
     * A dispatched REQUEST.
     *
     * @param client         the frontend peer that sent it
     * @param queue          the queue it was dispatched from
     * @param acceptedAt     when the router received it
     * @param dispatchedAt   when the router sent it to a worker
     * @param forward        whether to forward the worker's result to the client (not to schedulers)
     * @param worker         the worker it went to: only its REPLY is accepted
     * @param replyRequested whether its client awaits a result ({@code reply-requested})
     * @param guaranteed     the REQUEST itself when it carries {@code guarantee}, to dispatch it again when the
     *                       worker is lost; {@code null} otherwise
     */
    record Pending(String client, String queue, long acceptedAt, long dispatchedAt, boolean forward, String worker,
                   boolean replyRequested, Message guaranteed) {
    }

    /**
     * A REQUEST taken back from a lost worker.
     *
     * @param msgid   its msgid
     * @param request what the router remembered of it
     */
    record Lost(String msgid, Pending request) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Set<String>> byWorker = new HashMap<>();
    private final int limit;

    PendingRequests(int limit) {
        this.limit = limit;
    }

    /** Remembers a dispatched REQUEST. @return the msgid forgotten to stay within the limit, or {@code null} */
    String add(String msgid, Pending request) {
        Pending replaced = pending.remove(msgid);
        if (replaced != null) {
            unindex(msgid, replaced);
        }
        pending.put(msgid, request);
        byWorker.computeIfAbsent(request.worker(), worker -> new LinkedHashSet<>()).add(msgid);
        if (pending.size() <= limit) {
            return null;
        }
        Iterator<Map.Entry<String, Pending>> oldest = pending.entrySet().iterator();
        Map.Entry<String, Pending> evicted = oldest.next();
        oldest.remove();
        unindex(evicted.getKey(), evicted.getValue());
        return evicted.getKey();
    }

    Pending get(String msgid) {
        return pending.get(msgid);
    }

    Pending remove(String msgid) {
        Pending removed = pending.remove(msgid);
        if (removed != null) {
            unindex(msgid, removed);
        }
        return removed;
    }

    /** Whether a REQUEST dispatched to {@code worker} still awaits its result. */
    boolean holds(String worker) {
        return byWorker.containsKey(worker);
    }

    /** Forgets and answers the REQUESTs dispatched to {@code worker}, oldest dispatch first. */
    List<Lost> removeWorker(String worker) {
        Set<String> msgids = byWorker.remove(worker);
        if (msgids == null) {
            return List.of();
        }
        List<Lost> lost = new ArrayList<>(msgids.size());
        for (String msgid : msgids) {
            lost.add(new Lost(msgid, pending.remove(msgid)));
        }
        return lost;
    }

    /** Forgets the REQUESTs dispatched before {@code before}. @return how many */
    int expire(long before) {
        int expired = 0;
        Iterator<Map.Entry<String, Pending>> oldest = pending.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Pending> entry = oldest.next();
            if (entry.getValue().dispatchedAt() >= before) {
                break;
            }
            oldest.remove();
            unindex(entry.getKey(), entry.getValue());
            expired++;
        }
        return expired;
    }

    Collection<Pending> view() {
        return pending.values();
    }

    private void unindex(String msgid, Pending request) {
        Set<String> msgids = byWorker.get(request.worker());
        if (msgids != null && msgids.remove(msgid) && msgids.isEmpty()) {
            byWorker.remove(request.worker());
        }
    }
}
