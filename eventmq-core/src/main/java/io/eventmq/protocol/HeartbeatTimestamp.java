package io.eventmq.protocol;

import java.time.Instant;

/** The body of a HEARTBEAT: Unix time in seconds as decimal text, e.g. {@code 1795878630.653554}. */
public final class HeartbeatTimestamp {

    private HeartbeatTimestamp() {
    }

    /** {@code now} as a HEARTBEAT carries it, to the microsecond. */
    public static String format(Instant now) {
        String micros = Integer.toString(1_000_000 + now.getNano() / 1000);
        return now.getEpochSecond() + "." + micros.substring(1);
    }
}
