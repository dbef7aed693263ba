package io.eventmq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeromq.ZContext;

/** Each system on real sockets: every REQUEST comes back once, and REQUESTs wait without a worker. */
class QueueSystemTest {

    /** Each system with what its worker threads must look like when it runs 2 workers. */
    static Stream<Arguments> systems() {
        Consumer<List<Thread>> twoWorkerThreads = threads -> assertThat(threads).hasSize(2);
        Consumer<List<Thread>> ioAndJobThreads = threads -> assertThat(threads).extracting(Thread::getName)
                .anyMatch(name -> name.endsWith("-io")).anyMatch(name -> name.contains("-job-"));
        return Stream.of(Arguments.of(named(new BaselineSystem()), twoWorkerThreads),
                Arguments.of(named(new EventMqSystem(1000)), ioAndJobThreads));
    }

    private static Named<QueueSystem> named(QueueSystem system) {
        return Named.of(system.name(), system);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void everyRequestComesBackToTheClient(QueueSystem system, Consumer<List<Thread>> workerThreads)
            throws InterruptedException {
        try (Deployment deployment = system.start(2, 4)) {
            LatencySamples samples = new LatencySamples(500);

            WindowDriver.Phase phase = WindowDriver.run(deployment, 100, Workload.PAYLOAD, Duration.ofSeconds(30), 500,
                    samples);

            assertThat(phase.jobs()).isEqualTo(500);
            assertThat(samples.count()).isEqualTo(500);
            workerThreads.accept(deployment.workerThreads());
            assertThat(MemoryProbe.allocatedBytes(deployment.routerThreads())).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void requestsWaitInTheRouterWithoutWorkers(QueueSystem system, Consumer<List<Thread>> workerThreads)
            throws InterruptedException {
        try (Deployment deployment = system.start(0, 1);
             ZContext context = new ZContext(1);
             RawEmqpClient sender = new RawEmqpClient(context, deployment.frontendEndpoint())) {
            for (int i = 0; i < 50; i++) {
                sender.submit(Workload.PAYLOAD);
            }

            assertThat(deployment.awaitWaiting(50, Duration.ofSeconds(10))).isTrue();
            assertThat(deployment.awaitReply(Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void thePayloadsAreTheSizesTheIssueAsksFor() {
        assertThat(Workload.PAYLOAD).hasSize(120);
        assertThat(Workload.payload(10 * 1024)).hasSize(10 * 1024).startsWith("[\"run\", {\"path\": \"jobs\"")
                .contains("\"args\": [12345678901]");
    }
}
