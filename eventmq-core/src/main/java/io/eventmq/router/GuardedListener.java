package io.eventmq.router;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventmq.util.RateLimitedLog;

/**
 * Calls the application's {@link RouterListener} so that nothing thrown in it, not even an {@link Error},
 * stops the router. Used on the router's I/O thread only.
 */
final class GuardedListener implements RouterListener {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final RouterListener listener;
    private final RateLimitedLog warnings = new RateLimitedLog(log, Duration.ofSeconds(10));

    GuardedListener(RouterListener listener) {
        this.listener = listener;
    }

    @Override
    public void peerJoined(PeerType type, String id) {
        try {
            listener.peerJoined(type, id);
        } catch (Throwable e) {
            failed("peerJoined", e);
        }
    }

    @Override
    public void peerLeft(PeerType type, String id, String reason) {
        try {
            listener.peerLeft(type, id, reason);
        } catch (Throwable e) {
            failed("peerLeft", e);
        }
    }

    @Override
    public void dispatched(String queue, String workerId, String msgid) {
        try {
            listener.dispatched(queue, workerId, msgid);
        } catch (Throwable e) {
            failed("dispatched", e);
        }
    }

    @Override
    public void buffered(String queue, String msgid) {
        try {
            listener.buffered(queue, msgid);
        } catch (Throwable e) {
            failed("buffered", e);
        }
    }

    @Override
    public void waiting(String queue, int size) {
        try {
            listener.waiting(queue, size);
        } catch (Throwable e) {
            failed("waiting", e);
        }
    }

    @Override
    public void refused(String msgid, DropReason reason) {
        try {
            listener.refused(msgid, reason);
        } catch (Throwable e) {
            failed("refused", e);
        }
    }

    @Override
    public void dropped(DropReason reason, String detail) {
        try {
            listener.dropped(reason, detail);
        } catch (Throwable e) {
            failed("dropped", e);
        }
    }

    private void failed(String method, Throwable e) {
        warnings.warn("RouterListener." + method, "RouterListener." + method + " failed, ignored: " + e);
    }
}
