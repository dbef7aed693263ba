package io.eventmq.client;

import java.time.Duration;

/**
 * A REQUEST's router is gone: it did not confirm the REQUEST (no receipt) within
 * {@link ClientSettings#receiptTimeout()} of being reachable, or the connection to it closed after it took the
 * REQUEST and before the result came, so the job is lost with it. Nobody waits for the REQUEST any more; when the
 * router was not restarted after all, it may still run.
 */
public final class RouterLostException extends IllegalStateException {

    private final String msgid;

    private RouterLostException(String msgid, String message) {
        super(message);
        this.msgid = msgid;
    }

    static RouterLostException noReceipt(String msgid, String address, Duration receiptTimeout) {
        return new RouterLostException(msgid, "RouterLost: no receipt for REQUEST " + msgid + " from the router at "
                + address + " within " + receiptTimeout + " of reaching it: the router is not answering");
    }

    static RouterLostException connectionLost(String msgid, String address) {
        return new RouterLostException(msgid, "RouterLost: the connection to the router at " + address
                + " closed after it took REQUEST " + msgid + " and before its result: the router ended or was "
                + "restarted, and the job with it");
    }

    static RouterLostException notResent(String msgid, String address) {
        return new RouterLostException(msgid, "RouterLost: the connection to the router at " + address
                + " closed before it confirmed REQUEST " + msgid + ", and the REQUEST could not be queued again: "
                + "the send queue is full (its high-water mark)");
    }

    /** The msgid of the REQUEST. */
    public String msgid() {
        return msgid;
    }
}
