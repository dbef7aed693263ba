package io.eventmq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

/** EventMQ's router, worker and client in the harness: every REQUEST comes back once, REQUESTs wait. */
class EventMqSystemTest {

    private final EventMqSystem system = new EventMqSystem(1000);

    @Test
    void everyRequestComesBackToTheClient() throws InterruptedException {
        try (Deployment deployment = system.start(2, 4)) {
            LatencySamples samples = new LatencySamples(500);

            WindowDriver.Phase phase = WindowDriver.run(deployment, 100, Duration.ofSeconds(30), 500, samples);

            assertThat(phase.jobs()).isEqualTo(500);
            assertThat(samples.count()).isEqualTo(500);
            assertThat(deployment.workerThreads()).extracting(Thread::getName)
                    .anyMatch(name -> name.endsWith("-io")).anyMatch(name -> name.contains("-job-"));
            assertThat(MemoryProbe.allocatedBytes(deployment.routerThreads())).isPositive();
        }
    }

    @Test
    void requestsWaitInTheRouterWithoutWorkers() throws InterruptedException {
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
}
