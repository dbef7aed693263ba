package io.eventmq.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.ResultFrame;

/**
 * Runs one job on the calling job thread: finds its handler, runs it (again, up to {@code retry-count}
 * times, while it fails) and turns what came out into the REPLY's result frame. Never throws.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Handlers handlers;

    JobRunner(Handlers handlers) {
        this.handlers = handlers;
    }

    JobResult run(String msgid, String queue, Headers headers, String payload) {
        long start = System.nanoTime();
        Job job = new Job(msgid, queue, headers, payload);
        JobHandler handler = handlers.resolve(queue, handlers.routesByJob() ? job.jobPayload() : null);
        if (handler == null) {
            String message = "no handler for " + describe(job);
            log.warn("REQUEST {} failed: {}", msgid, message);
            return failure(JobOutcome.NO_HANDLER, JobResult.NO_HANDLER, message, headers, start);
        }
        Throwable failure = null;
        for (int attempt = 0; attempt <= headers.retryCount(); attempt++) {
            Object value;
            try {
                value = handler.handle(job);
            } catch (Throwable t) {
                failure = t;
                if (t instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    Thread.currentThread().interrupt();
                    return failure(JobOutcome.INTERRUPTED, JobResult.INTERRUPTED, "job interrupted: " + text(t), headers,
                            start);
                }
                log.debug("REQUEST {} attempt {} of {} failed", msgid, attempt + 1, headers.retryCount() + 1, t);
                continue;
            }
            return success(msgid, value, headers, start);
        }
        log.warn("REQUEST {} failed: {}", msgid, text(failure));
        return failure(JobOutcome.FAILED, failure.getClass().getSimpleName(), text(failure), headers, start);
    }

    private static JobResult success(String msgid, Object value, Headers headers, long start) {
        if (!headers.replyRequested()) {
            return new JobResult(JobOutcome.SUCCEEDED, null, System.nanoTime() - start);
        }
        try {
            return new JobResult(JobOutcome.SUCCEEDED, ResultFrame.value(value), System.nanoTime() - start);
        } catch (RuntimeException e) {
            log.warn("REQUEST {} returned a value that cannot be written as JSON: {}", msgid, text(e));
            return failure(JobOutcome.FAILED, e.getClass().getSimpleName(), text(e), headers, start);
        }
    }

    private static JobResult failure(JobOutcome outcome, String type, String message, Headers headers,
                                     long start) {
        String reply = headers.replyRequested() ? ResultFrame.failure(type, message) : null;
        return new JobResult(outcome, reply, System.nanoTime() - start);
    }

    private static String describe(Job job) {
        JobPayload reference = job.jobPayload();
        return reference == null ? "queue \"" + job.queue() + "\""
                : "job " + reference.path() + "." + reference.callable() + " on queue \"" + job.queue() + "\"";
    }

    private static String text(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
