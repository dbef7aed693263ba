package io.eventmq.client;

import java.time.Duration;

/**
 * The router did not confirm a REQUEST (no receipt) within {@link ClientSettings#receiptTimeout()}: it is away, or
 * was restarted and lost what it held. The REQUEST may still reach a router later and run; nobody waits for it.
 */
public final class RouterLostException extends IllegalStateException {

    private final String msgid;

    RouterLostException(String msgid, String address, Duration receiptTimeout) {
        super("RouterLost: no receipt for REQUEST " + msgid + " from the router at " + address + " within "
                + receiptTimeout + ": the router is away or was restarted");
        this.msgid = msgid;
    }

    /** The msgid of the REQUEST. */
    public String msgid() {
        return msgid;
    }
}
