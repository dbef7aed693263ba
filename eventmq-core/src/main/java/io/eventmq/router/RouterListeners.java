package io.eventmq.router;

import java.util.List;

/** Several {@link RouterListener}s as the one a router takes. */
public final class RouterListeners {

    private RouterListeners() {
    }

    /** {@code all} as one listener, each told in turn; the one itself when there is one. */
    public static RouterListener of(List<RouterListener> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        return new RouterListener() {
            @Override
            public void peerJoined(PeerType type, String id) {
                all.forEach(listener -> listener.peerJoined(type, id));
            }

            @Override
            public void peerLeft(PeerType type, String id, String reason) {
                all.forEach(listener -> listener.peerLeft(type, id, reason));
            }

            @Override
            public void dispatched(String queue, String workerId, String msgid) {
                all.forEach(listener -> listener.dispatched(queue, workerId, msgid));
            }

            @Override
            public void buffered(String queue, String msgid) {
                all.forEach(listener -> listener.buffered(queue, msgid));
            }

            @Override
            public void waiting(String queue, int size) {
                all.forEach(listener -> listener.waiting(queue, size));
            }

            @Override
            public void refused(String msgid, DropReason reason) {
                all.forEach(listener -> listener.refused(msgid, reason));
            }

            @Override
            public void dropped(DropReason reason, String detail) {
                all.forEach(listener -> listener.dropped(reason, detail));
            }
        };
    }
}
