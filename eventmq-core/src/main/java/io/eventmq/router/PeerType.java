package io.eventmq.router;

/** The peers a router registers after their INFORM. */
public enum PeerType {
    WORKER,
    SCHEDULER
}
