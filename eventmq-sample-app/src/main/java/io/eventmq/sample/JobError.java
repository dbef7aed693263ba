package io.eventmq.sample;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import io.eventmq.client.JobFailedException;

/**
 * Why a job failed: the worker's error type and message ({@code NoHandler}, or a handler's exception), or the
 * client's own when no result came.
 */
record JobError(String type, String message) {

    static JobError of(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof JobFailedException failed) {
            return new JobError(failed.type(), failed.errorMessage());
        }
        if (cause instanceof TimeoutException) {
            return new JobError("Timeout", "no result within eventmq.client.request-timeout");
        }
        return new JobError(cause.getClass().getSimpleName(), cause.getMessage());
    }
}
