package io.eventmq.device;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.ResultFrame;
import io.eventmq.util.LogText;
import io.eventmq.util.RateLimitedLog;

/**
 * Runs one job on the calling job thread: finds its handler, runs it (again, up to {@code retry-count}
 * times, while it fails) and turns what came out into the REPLY's result frame. Never throws.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Handlers handlers;
    /** REQUESTs no handler takes are the router's input, not the application's errors: one line per interval. */
    private final RateLimitedLog noHandler = new RateLimitedLog(log, Duration.ofSeconds(10));

    JobRunner(Handlers handlers) {
        this.handlers = handlers;
    }

    JobResult run(String msgid, String queue, Headers headers, String payload) {
        long start = System.nanoTime();
        Job job = new Job(msgid, queue, headers, payload);
        Handlers.Match match = handlers.resolve(queue, handlers.routesByJob() ? job.jobPayload() : null);
        if (match == null) {
            String message = "no handler for " + describe(job);
            warnNoHandler("REQUEST " + LogText.of(msgid) + " failed: " + LogText.of(message));
            return failure(JobOutcome.NO_HANDLER, JobResult.NO_HANDLER, message, headers, start, "none");
        }
        JobHandler handler = match.handler();
        String name = match.name();
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
                            start, name);
                }
                log.debug("REQUEST {} attempt {} of {} failed", LogText.of(msgid), attempt + 1, headers.retryCount() + 1, t);
                continue;
            }
            return success(msgid, value, headers, start, name);
        }
        log.warn("REQUEST {} failed: {}", LogText.of(msgid), LogText.of(text(failure)));
        return failure(JobOutcome.FAILED, failure.getClass().getSimpleName(), text(failure), headers, start, name);
    }

    /** Job threads share the log of REQUESTs without handler; it is for one thread at a time. */
    private void warnNoHandler(String line) {
        synchronized (noHandler) {
            noHandler.warn(JobResult.NO_HANDLER, line);
        }
    }

    /** Logs how many REQUESTs without handler were not logged, once the interval has passed. */
    void flush() {
        synchronized (noHandler) {
            noHandler.flush();
        }
    }

    private static JobResult success(String msgid, Object value, Headers headers, long start, String name) {
        if (!headers.replyRequested()) {
            return new JobResult(JobOutcome.SUCCEEDED, null, System.nanoTime() - start, name, null);
        }
        try {
            return new JobResult(JobOutcome.SUCCEEDED, ResultFrame.value(value), System.nanoTime() - start, name,
                    null);
        } catch (RuntimeException e) {
            log.warn("REQUEST {} returned a value that cannot be written as JSON: {}", LogText.of(msgid),
                    LogText.of(text(e)));
            return failure(JobOutcome.FAILED, e.getClass().getSimpleName(), text(e), headers, start, name);
        }
    }

    private static JobResult failure(JobOutcome outcome, String type, String message, Headers headers,
                                     long start, String name) {
        String reply = headers.replyRequested() ? ResultFrame.failure(type, message) : null;
        return new JobResult(outcome, reply, System.nanoTime() - start, name, type);
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
