package io.eventmq.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

/** start() reports what it bound or why it could not; stop() is idempotent and leaves the context alone. */
class RouterLifecycleTest {

    private static final String ANY = "tcp://127.0.0.1:*";

    private final ZContext context = new ZContext();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void startReturnsTheBoundPortsAndStopIsIdempotent() {
        Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses(ANY, ANY, ANY));

        RouterEndpoints endpoints = router.start();

        assertThat(endpoints.frontend()).matches("tcp://127\\.0\\.0\\.1:\\d+");
        assertThat(endpoints.backend()).matches("tcp://127\\.0\\.0\\.1:\\d+").isNotEqualTo(endpoints.frontend());
        assertThat(endpoints.admin()).matches("tcp://127\\.0\\.0\\.1:\\d+");
        assertThat(router.endpoints()).isEqualTo(endpoints);
        assertThat(router.isRunning()).isTrue();
        assertThatThrownBy(router::start).isInstanceOf(IllegalStateException.class);
        router.stop();
        router.stop();
        assertThat(router.isRunning()).isFalse();
        assertThat(context.isClosed()).isFalse();
    }

    @Test
    void anAddressInUseFailsStart() {
        try (Router first = new Router(context, RouterSettings.DEFAULTS.withAddresses(ANY, ANY, ANY))) {
            String taken = first.start().backend();
            Router second = new Router(context, RouterSettings.DEFAULTS.withAddresses(ANY, taken, ANY));

            assertThatThrownBy(second::start).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(taken);
            assertThat(second.isRunning()).isFalse();
            assertThat(first.isRunning()).isTrue();
        }
    }
}
