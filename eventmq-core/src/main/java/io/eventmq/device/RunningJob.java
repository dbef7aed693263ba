package io.eventmq.device;

import io.eventmq.protocol.Headers;

/**
 * A job holding a slot, from its REQUEST until its job thread hands the result back. The I/O thread owns
 * everything but the interrupt handshake: the I/O thread may {@link #interrupt()} the job (timeout, end of
 * the stop grace period) only until the job thread has {@link #end() ended} it, and {@link #end()} clears
 * an interrupt that came late, so it can never reach the next job that pool thread runs.
 */
final class RunningJob {

    final String msgid;
    final String queue;
    final Headers headers;
    /** When {@code timeout:N} runs out, in the service clock's millis; -1 for never. */
    final long deadline;
    final long startNanos;
    /** Set when the I/O thread already answered the REQUEST (timeout): the job's own result is dropped. */
    JobOutcome answeredAs;

    private Thread thread;
    private boolean interruptRequested;
    private boolean ended;

    RunningJob(String msgid, String queue, Headers headers, long deadline, long startNanos) {
        this.msgid = msgid;
        this.queue = queue;
        this.headers = headers;
        this.deadline = deadline;
        this.startNanos = startNanos;
    }

    /** On the job thread, before the handler runs. */
    synchronized void begin() {
        thread = Thread.currentThread();
        if (interruptRequested) {
            thread.interrupt();
        }
    }

    /** Interrupts the job thread if the job still runs there. Any thread. */
    synchronized void interrupt() {
        if (ended) {
            return;
        }
        if (thread == null) {
            interruptRequested = true;
        } else {
            thread.interrupt();
        }
    }

    /** On the job thread when the handler is done: no interrupt comes after this; clears a pending one. */
    void end() {
        synchronized (this) {
            ended = true;
        }
        Thread.interrupted();
    }
}
