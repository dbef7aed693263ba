package io.eventmq.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.eventmq.protocol.WeightedQueue;

/**
 * What a {@link WorkerService} is doing, as a snapshot any thread may take ({@link WorkerService#status()}):
 * cheap, immutable, each field read on its own.
 *
 * @param type             worker or scheduler
 * @param state            where the service is in its life
 * @param address          the router endpoint in use; {@code null} before start
 * @param failoverAddress  the second router endpoint; {@code null} when none is set
 * @param identity         the current socket's identity; a new one after every reconnect
 * @param queues           the queues announced in INFORM
 * @param connectedSince   when the router's last ACK came; {@code null} while not connected
 * @param sinceLastMessage time since anything came from the router (or since connecting began)
 * @param heartbeatMisses  heartbeat timeouts in a row with nothing from the router
 * @param reconnects       times the service dropped its connection and connected again
 * @param runningJobs      jobs holding a slot now
 * @param slots            job slots (concurrency)
 * @param jobsSucceeded    jobs whose handler returned
 * @param jobsFailed       jobs that failed, timed out, found no handler or were interrupted
 * @param refusedRequests  REQUESTs refused: no free slot, or the service was stopping
 * @param invalidMessages  messages from the router dropped as malformed or unexpected
 * @param failure          what ended the I/O thread when it died of an error; {@code null} otherwise
 */
public record ServiceStatus(ServiceType type, ServiceState state, String address, String failoverAddress,
                            String identity, List<WeightedQueue> queues, Instant connectedSince,
                            Duration sinceLastMessage, int heartbeatMisses, long reconnects, int runningJobs,
                            int slots, long jobsSucceeded, long jobsFailed, long refusedRequests,
                            long invalidMessages, Throwable failure) {

    /** Whether the router ACKed this connection and the service takes jobs. */
    public boolean isConnected() {
        return state == ServiceState.CONNECTED;
    }
}
