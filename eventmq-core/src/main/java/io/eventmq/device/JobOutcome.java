package io.eventmq.device;

/** How a job ended, as {@link ServiceListener#jobFinished} reports it. */
public enum JobOutcome {
    /** The handler returned a value. */
    SUCCEEDED,
    /** The handler threw on its last attempt. */
    FAILED,
    /** No handler matched the REQUEST. */
    NO_HANDLER,
    /** The REQUEST's {@code timeout:N} passed; the job was interrupted. */
    TIMED_OUT,
    /** The service stopped before the job finished; the job was interrupted. */
    INTERRUPTED
}
