package io.eventmq.sample;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.eventmq.spring.EmqpHandler;

/**
 * Jobs in the Python reference's shape ({@code ["run", {"path": "jobs", "callable": ..., "args", "kwargs"}]}),
 * so a Python client's {@code defer_job('jobs.echo', args=['hello'])} runs them. Arguments bind by position from
 * {@code args}, then by name from {@code kwargs}.
 */
@Component
class ReferenceJobs {

    private static final Logger log = LoggerFactory.getLogger(ReferenceJobs.class);

    /** Longest {@code jobs.sleep} accepted: below the client's default 30 s request timeout. */
    static final Duration LONGEST_SLEEP = Duration.ofSeconds(20);
    /** jobs.echo's {@code times} at most: a caller cannot make the worker build an answer of any size. */
    static final int MOST_ECHOES = 100;

    /** {@code jobs.echo}: the message back, repeated {@code times} (default 1); logged for callers without a reply. */
    @EmqpHandler(path = "jobs", callable = "echo")
    Map<String, String> echo(String message, Integer times) {
        if (message == null) {
            throw new IllegalArgumentException("jobs.echo needs a message: args=['hello'] or kwargs={'message': ...}");
        }
        int count = times == null ? 1 : times;
        if (count < 1 || count > MOST_ECHOES) {
            throw new IllegalArgumentException("jobs.echo repeats 1 to " + MOST_ECHOES + " times, not " + count);
        }
        String echo = String.join(" ", Collections.nCopies(count, message));
        log.info("jobs.echo: {}", echo);
        return Map.of("echo", echo);
    }

    /** {@code jobs.sleep}: works for {@code seconds} (default 3), to watch a job running; its result says how long. */
    @EmqpHandler(path = "jobs", callable = "sleep")
    Map<String, Double> sleep(Double seconds) throws InterruptedException {
        double wanted = seconds == null ? 3 : seconds;
        if (wanted < 0 || wanted > LONGEST_SLEEP.toSeconds()) {
            throw new IllegalArgumentException("jobs.sleep takes 0 to " + LONGEST_SLEEP.toSeconds()
                    + " seconds, not " + wanted);
        }
        TimeUnit.MILLISECONDS.sleep(Math.round(wanted * 1000));
        return Map.of("slept", wanted);
    }

    /** {@code jobs.fail}: always fails, to show how a failed job reads. */
    @EmqpHandler(path = "jobs", callable = "fail")
    void fail(String reason) {
        throw new IllegalStateException("jobs.fail failed on purpose: " + (reason == null ? "no reason given" : reason));
    }
}
