package io.eventmq.router;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the application's {@link RouterListener} so that an exception in it cannot stop the router. */
final class GuardedListener implements RouterListener {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final RouterListener listener;

    GuardedListener(RouterListener listener) {
        this.listener = listener;
    }

    @Override
    public void peerJoined(PeerType type, String id) {
        try {
            listener.peerJoined(type, id);
        } catch (RuntimeException e) {
            failed("peerJoined", e);
        }
    }

    @Override
    public void peerLeft(PeerType type, String id, String reason) {
        try {
            listener.peerLeft(type, id, reason);
        } catch (RuntimeException e) {
            failed("peerLeft", e);
        }
    }

    @Override
    public void dispatched(String queue, String workerId, String msgid) {
        try {
            listener.dispatched(queue, workerId, msgid);
        } catch (RuntimeException e) {
            failed("dispatched", e);
        }
    }

    @Override
    public void buffered(String queue, String msgid) {
        try {
            listener.buffered(queue, msgid);
        } catch (RuntimeException e) {
            failed("buffered", e);
        }
    }

    @Override
    public void waiting(String queue, int size) {
        try {
            listener.waiting(queue, size);
        } catch (RuntimeException e) {
            failed("waiting", e);
        }
    }

    @Override
    public void refused(String msgid, DropReason reason) {
        try {
            listener.refused(msgid, reason);
        } catch (RuntimeException e) {
            failed("refused", e);
        }
    }

    @Override
    public void dropped(DropReason reason, String detail) {
        try {
            listener.dropped(reason, detail);
        } catch (RuntimeException e) {
            failed("dropped", e);
        }
    }

    private static void failed(String method, RuntimeException e) {
        log.warn("RouterListener.{} failed, ignored: {}", method, e.toString());
    }
}
