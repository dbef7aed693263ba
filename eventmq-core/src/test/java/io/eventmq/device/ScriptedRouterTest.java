package io.eventmq.device;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.zeromq.ZContext;

/**
 * A test of a service against a {@link ScriptedRouter} on a fresh context. A {@code worker} the test creates is
 * stopped after it (after the subclass's own clean-up), then the router and the context close.
 */
abstract class ScriptedRouterTest {

    ZContext context;
    ScriptedRouter router;
    WorkerService worker;

    @BeforeEach
    final void openRouter() {
        context = new ZContext();
        router = new ScriptedRouter(context);
    }

    @AfterEach
    final void closeRouter() {
        if (worker != null) {
            worker.stop();
        }
        router.close();
        context.close();
    }
}
