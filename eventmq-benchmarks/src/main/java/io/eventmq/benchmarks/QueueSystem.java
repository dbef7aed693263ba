package io.eventmq.benchmarks;

/**
 * A job queue under test: a router, workers and one client, all in this JVM on loopback. The baseline
 * ({@link BaselineSystem}) and, once it exists, EventMQ itself implement it; {@link Systems} lists them.
 */
interface QueueSystem {

    /** Short name for the table, e.g. {@code baseline} or {@code eventmq}. */
    String name();

    /**
     * Starts a router, {@code workers} workers with {@code slotsPerWorker} job slots each (READY credits),
     * and a client, and returns once every worker's slots are known to the router. {@code workers} may be
     * 0: REQUESTs then wait in the router (see {@link Deployment#awaitWaiting}).
     */
    Deployment start(int workers, int slotsPerWorker) throws InterruptedException;
}
