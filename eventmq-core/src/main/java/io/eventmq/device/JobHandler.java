package io.eventmq.device;

/**
 * Runs a job. Called on one of the service's job threads, never on its I/O thread. The return value
 * becomes the REPLY's {@code value} (written as JSON) when the REQUEST asked for a reply; an exception
 * becomes an error REPLY. A handler should let an interrupt end it: that is how {@code timeout:N} and the
 * stop grace period take a job back.
 */
@FunctionalInterface
public interface JobHandler {

    Object handle(Job job) throws Exception;
}
