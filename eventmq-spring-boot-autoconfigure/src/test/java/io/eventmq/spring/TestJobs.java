package io.eventmq.spring;

/** Jobs for the tests: an {@link EmqpHandler} method, so the worker auto-configuration makes a worker. */
class TestJobs {

    /** Queue {@code jobs}: answers {@code done <payload>}, or fails when the payload starts with {@code fail}. */
    @EmqpHandler(queue = "jobs")
    String run(String payload) {
        if (payload.startsWith("fail")) {
            throw new IllegalStateException("failed on purpose: " + payload);
        }
        return "done " + payload;
    }
}
