package io.eventmq.router;

/**
 * What a {@link Router} reports, for metrics and health. Called on the router's I/O thread: return quickly,
 * never block, never throw. Every method does nothing by default.
 */
public interface RouterListener {

    /** A worker or scheduler INFORMed and was ACKed. */
    default void peerJoined(PeerType type, String id) {
    }

    /** A worker or scheduler was removed: KBYE, silent for the heartbeat timeout, or gone when sent to. */
    default void peerLeft(PeerType type, String id, String reason) {
    }

    /** A REQUEST was sent to a worker. */
    default void dispatched(String queue, String workerId, String msgid) {
    }

    /** A REQUEST waits in its queue's buffer: no worker of the queue has a free slot. */
    default void buffered(String queue, String msgid) {
    }

    /** The number of REQUESTs waiting in {@code queue} changed. */
    default void waiting(String queue, int size) {
    }

    /** A REQUEST, SCHEDULE or UNSCHEDULE was refused; its sender got an error REPLY. */
    default void refused(String msgid, DropReason reason) {
    }

    /** Something was dropped (including refusals and invalid messages); {@code detail} says what. */
    default void dropped(DropReason reason, String detail) {
    }
}
