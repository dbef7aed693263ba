package io.eventmq.router;

import java.util.Locale;

/** Why a router dropped or refused something; each is counted ({@link Router#drops(DropReason)}) and logged once. */
public enum DropReason {
    /** Malformed or unexpected message on the frontend (clients, schedulers). */
    INVALID_FRONTEND,
    /** Malformed or unexpected message on the backend (workers), e.g. an INFORM with invalid queue JSON. */
    INVALID_BACKEND,
    /** Malformed or unknown message on the admin socket. */
    INVALID_ADMIN,
    /** READY or HEARTBEAT from a worker that never INFORMed or was forgotten; it is told KBYE. */
    UNKNOWN_WORKER,
    /** REQUEST refused: its queue's buffer is at the high-water mark. The client gets an error REPLY. */
    QUEUE_FULL,
    /**
     * REQUEST refused: it would take the bytes waiting in its queue, or in the router, beyond
     * {@link RouterSettings#queueByteLimit()} or {@link RouterSettings#routerByteLimit()}. The client gets an
     * error REPLY.
     */
    BYTES_FULL,
    /** SCHEDULE or UNSCHEDULE refused: no scheduler is registered. The client gets an error REPLY. */
    NO_SCHEDULER,
    /**
     * A waiting REQUEST refused because the router stopped, or a dispatched one whose result had not come (its
     * job may have run). The client gets an error REPLY.
     */
    ROUTER_STOPPED,
    /** A worker's result or an error REPLY could not be sent to its client (gone, or its queue is full). */
    REPLY_UNDELIVERABLE,
    /** A receipt could not be sent to its client (gone, or not reading, as the reference client). */
    RECEIPT_UNDELIVERABLE,
    /** A worker's REPLY for a REQUEST the router does not remember (never seen, expired or evicted). */
    RESULT_UNMATCHED,
    /** A dispatched REQUEST's client forgotten after {@link RouterSettings#pendingResultExpiry()}. */
    PENDING_EXPIRED,
    /** A dispatched REQUEST's client forgotten because {@link RouterSettings#pendingResultLimit()} was reached. */
    PENDING_EVICTED,
    /**
     * A dispatched REQUEST without {@code guarantee} whose worker was lost (silent, KBYE, gone) before its result
     * came; its job may have run. A client that requested a reply gets an error REPLY at once.
     */
    WORKER_LOST,
    /** A REPLY from a lost worker for a REQUEST the router took back from it: not forwarded. */
    LATE_REPLY,
    /** A REPLY for a REQUEST that the router dispatched to another worker: not forwarded. */
    WRONG_WORKER,
    /** A REQUEST that waited longer than {@link RouterSettings#waitingExpiry()} for a worker. The client gets an error REPLY. */
    EXPIRED,
    /**
     * REQUEST refused: its sender already has its fair share of its queue's high-water mark waiting
     * ({@link RouterSettings#perClientShare()}). The client gets an error REPLY.
     */
    CLIENT_SHARE_FULL,
    /**
     * A peer refused by the CURVE handshake of a router with {@code Curve.Server} options: without the router's
     * public key, with a client key not on the allow-list, or in plaintext. Nothing it sent got through.
     */
    PEER_REFUSED;

    /**
     * The {@code type} of the error a refusal carries, written like the worker's error types, which are
     * exception names: {@code QUEUE_FULL} is {@code QueueFull}.
     */
    String errorType() {
        StringBuilder type = new StringBuilder();
        for (String word : name().split("_")) {
            type.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return type.toString();
    }
}
