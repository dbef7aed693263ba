package io.eventmq.client;

/**
 * What a {@link Client} is doing, as a snapshot any thread may take ({@link Client#status()}).
 *
 * @param running         started and not closed (nor died)
 * @param address         the router frontend it connects to
 * @param identity        its DEALER's identity, which the router sees as the sender
 * @param connected       whether its connection to the router is up: greeted and not closed since (JeroMQ tells of
 *                        no CURVE success, so a client the router refuses shows up for a moment at each retry)
 * @param awaitingResults REQUESTs sent whose result has not come yet
 * @param sent            messages handed to the socket
 * @param resent          REQUESTs sent again, unconfirmed, on a new connection after the router's closed
 * @param timedOut        REQUESTs whose result did not come within the request timeout, or that failed with
 *                        {@link RouterLostException}
 * @param invalidMessages messages from the router dropped as malformed or unknown
 * @param failure         what ended the I/O thread when it died of an error; {@code null} otherwise
 */
public record ClientStatus(boolean running, String address, String identity, boolean connected,
                           int awaitingResults, long sent, long resent, long timedOut, long invalidMessages,
                           Throwable failure) {
}
