package io.eventmq.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.ServiceState;
import io.eventmq.device.WorkerService;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;
import io.eventmq.transport.ContextFailures;

/**
 * One of ZeroMQ's own threads dying (an OutOfMemoryError in its I/O thread) leaves the context's sockets deaf
 * while the devices' threads run on: every device on that context says so in its status, and the log has one ERROR.
 */
class ContextFailureTest {

    private static final String ANY = "tcp://127.0.0.1:*";

    private final ZContext context = new ZContext();
    private final Logger logger = (Logger) org.slf4j.LoggerFactory.getLogger(ContextFailures.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void close() {
        logger.detachAppender(log);
        context.close();
    }

    @Test
    void aDeadZeroMqThreadIsInEveryDevicesStatus() {
        log.start();
        logger.addAppender(log);
        try (Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses(ANY, ANY, ANY));
             WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS.withAddress(
                     start(router).backend()), new Handlers().onAnyRequest(job -> "ok"));
             Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(router.endpoints().frontend()))) {
            worker.start();
            client.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.state() == ServiceState.CONNECTED);
            assertThat(router.status().failure()).isNull();

            OutOfMemoryError death = new OutOfMemoryError("simulated in ZeroMQ's I/O thread");
            context.getUncaughtExceptionHandler().uncaughtException(new Thread("iothread-2"), death);
            context.getUncaughtExceptionHandler().uncaughtException(new Thread("iothread-2"), death);

            assertThat(router.status().failure()).isSameAs(death);
            assertThat(router.isRunning()).isFalse();
            assertThat(worker.status().failure()).isSameAs(death);
            assertThat(worker.isRunning()).isFalse();
            assertThat(client.status().failure()).isSameAs(death);
            assertThat(client.isRunning()).isFalse();
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR).singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage()).contains("iothread-2"));
        }
    }

    private static RouterEndpoints start(Router router) {
        return router.start();
    }
}
