package io.eventmq.device;

import java.time.Duration;

/**
 * A finished job, as {@link ServiceListener#jobFinished} reports it.
 *
 * @param msgid    the REQUEST's msgid
 * @param queue    the queue it was sent to
 * @param handler  what ran it: the reference job's {@code path.callable}, else the queue
 * @param duration how long it ran, all attempts together
 * @param outcome  how it ended
 * @param error    the error's type ({@code IllegalStateException}, {@code NoHandler}, {@code Timeout}, ...);
 *                 {@code null} when it succeeded
 */
public record JobReport(String msgid, String queue, String handler, Duration duration, JobOutcome outcome,
                        String error) {
}
