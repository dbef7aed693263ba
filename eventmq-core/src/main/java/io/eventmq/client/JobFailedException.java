package io.eventmq.client;

/**
 * A REQUEST's result carried an error: the job failed on its worker, or the router refused the REQUEST
 * ({@code {"value": null, "error": {"type": "QueueFull", "message": "..."}}}).
 */
public final class JobFailedException extends RuntimeException {

    private final String msgid;
    private final String type;
    private final String errorMessage;
    private final String error;

    JobFailedException(String msgid, String type, String message, String error) {
        super("REQUEST " + msgid + " failed: " + type + ": " + message);
        this.msgid = msgid;
        this.type = type;
        this.errorMessage = message;
        this.error = error;
    }

    /** The msgid of the failed REQUEST. */
    public String msgid() {
        return msgid;
    }

    /** The error's {@code type}, e.g. {@code QueueFull}; empty when the error had none. */
    public String type() {
        return type;
    }

    /** The error's {@code message}, as the worker or router wrote it. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The whole error object as JSON text. */
    public String error() {
        return error;
    }
}
