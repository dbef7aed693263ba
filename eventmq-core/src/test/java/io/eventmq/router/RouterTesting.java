package io.eventmq.router;

/** Settings for routers under test: every socket on a free loopback port. */
final class RouterTesting {

    private RouterTesting() {
    }

    static RouterSettings settings() {
        return RouterSettings.DEFAULTS.withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*");
    }
}
