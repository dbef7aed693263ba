package io.eventmq.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * A running {@link QueueSystem}. {@link #submit} and {@link #awaitReply} are called by one driver thread
 * only (the thread that called {@link QueueSystem#start}); an implementation whose client completes jobs on
 * its own thread hands the msgids to the driver through a queue.
 */
interface Deployment extends AutoCloseable {

    /**
     * Sends one REQUEST for queue {@link Workload#QUEUE} with headers {@link Workload#HEADERS} and
     * {@code payload}. Returns at once unless the client's send buffer (at least 1000 messages) is full.
     *
     * @return an id of this REQUEST, unique in the run, that {@link #awaitReply} returns when its result
     *         arrives: the eMQP msgid where the client exposes it
     */
    String submit(String payload);

    /**
     * Waits for the next job's result to come back to the client.
     *
     * @return the {@link #submit} id of the REQUEST whose result arrived, {@code null} when none came within
     *         {@code timeout}
     */
    String awaitReply(Duration timeout) throws InterruptedException;

    /** The router's frontend endpoint, where clients connect, e.g. {@code tcp://127.0.0.1:40123}. */
    String frontendEndpoint();

    /** Waits until the router holds at least {@code count} REQUESTs that no worker took. */
    boolean awaitWaiting(int count, Duration timeout) throws InterruptedException;

    /** The threads that run the router, for allocation measurements. */
    List<Thread> routerThreads();

    /** The threads that run the workers (I/O and jobs), for allocation measurements. */
    List<Thread> workerThreads();

    /** Stops everything and waits for its threads. */
    @Override
    void close();
}
