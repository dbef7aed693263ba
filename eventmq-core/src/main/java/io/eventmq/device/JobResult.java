package io.eventmq.device;

/**
 * How a job ended, computed on its job thread.
 *
 * @param outcome the outcome
 * @param reply   the REPLY's result frame, {@code null} when the REQUEST asked for no reply
 * @param nanos   how long the job ran, all attempts together
 * @param handler what ran it: the reference job's {@code path.callable}, else the queue
 * @param error   the error's type, {@code null} when it succeeded
 */
record JobResult(JobOutcome outcome, String reply, long nanos, String handler, String error) {

    /** Error types of failures the device itself reports; a failing handler's are its exception's name. */
    static final String NO_HANDLER = "NoHandler";
    static final String NO_FREE_SLOT = "NoFreeSlot";
    static final String STOPPING = "WorkerStopping";
    static final String INVALID_HEADERS = "InvalidHeaders";
    static final String TIMEOUT = "Timeout";
    static final String INTERRUPTED = "Interrupted";
}
