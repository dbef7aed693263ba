package io.eventmq.router;

/**
 * The endpoints a started {@link Router} is bound to, with the ports it picked for {@code *}.
 *
 * @param frontend where clients and schedulers connect
 * @param backend  where workers connect
 * @param admin    where administration tools connect
 */
public record RouterEndpoints(String frontend, String backend, String admin) {
}
