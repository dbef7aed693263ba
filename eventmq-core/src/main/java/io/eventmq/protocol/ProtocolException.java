package io.eventmq.protocol;

/**
 * The one exception the protocol layer throws for invalid input: too few frames, a wrong version, a
 * malformed header, queue list or job payload. Its message says what was wrong.
 */
public final class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
