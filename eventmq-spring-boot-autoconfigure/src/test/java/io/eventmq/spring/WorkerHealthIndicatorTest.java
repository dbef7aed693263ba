package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.ServiceState;
import io.eventmq.device.ServiceStatus;
import io.eventmq.device.ServiceType;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatMonitor;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.WeightedQueue;

/** The worker's health from its status: every state, and a real connection told DISCONNECT by its router. */
class WorkerHealthIndicatorTest {

    /** A miss per 600 ms of silence, dead after 3: 1.8 s. */
    private static final HeartbeatSettings HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);

    @Test
    void connectedAndHeardFromIsUpWithDetails() {
        Health health = healthOf(status(ServiceState.CONNECTED, Duration.ofMillis(100), 1, 2, null));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", ServiceState.CONNECTED)
                .containsEntry("address", "tcp://127.0.0.1:5000")
                .containsEntry("failoverAddress", "tcp://127.0.0.1:5001")
                .containsEntry("identity", "worker-1")
                .containsEntry("queues", List.of("jobs:20", "default:10"))
                .containsEntry("sinceLastMessage", "PT0.1S")
                .containsEntry("heartbeatMisses", 1)
                .containsEntry("liveness", 3)
                .containsEntry("reconnects", 2L)
                .containsEntry("runningJobs", 1)
                .containsEntry("slots", 4);
    }

    @Test
    void connectedWithLivenessMissesIsDown() {
        assertThat(healthOf(status(ServiceState.CONNECTED, Duration.ofMillis(1800), 3, 0, null)).getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void firstConnectionWithinTimeoutTimesLivenessIsUnknown() {
        assertThat(healthOf(status(ServiceState.CONNECTING, Duration.ofMillis(1799), 2, 0, null)).getStatus())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void firstConnectionBeyondTimeoutTimesLivenessIsDown() {
        assertThat(healthOf(status(ServiceState.CONNECTING, Duration.ofMillis(1800), 3, 0, null)).getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void connectingAfterTheRouterWasLostIsDown() {
        assertThat(healthOf(status(ServiceState.CONNECTING, Duration.ofMillis(10), 0, 1, null)).getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void notStartedIsUnknown() {
        assertThat(healthOf(status(ServiceState.NEW, null, 0, 0, null)).getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void stoppingAndStoppedAreOutOfService() {
        assertThat(healthOf(status(ServiceState.STOPPING, Duration.ZERO, 0, 0, null)).getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(healthOf(status(ServiceState.STOPPED, Duration.ZERO, 0, 0, null)).getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void deadIoThreadIsDownWithTheFailureAsText() {
        Health health = healthOf(status(ServiceState.STOPPED, Duration.ZERO, 0, 0,
                new IllegalStateException("poller broke")));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "java.lang.IllegalStateException: poller broke");
    }

    @Test
    void unknownUntilAckedThenUpThenOutOfServiceWhenTheRouterSaysDisconnect() {
        try (ZContext context = new ZContext(); ZMQ.Socket router = context.createSocket(SocketType.ROUTER)) {
            router.setLinger(0);
            router.setReceiveTimeOut(10_000);
            router.bind("tcp://127.0.0.1:*");
            ServiceSettings settings = ServiceSettings.DEFAULTS.withAddress(router.getLastEndpoint())
                    .withHeartbeat(HEARTBEATS);
            WorkerService worker = new WorkerService(context, settings, new Handlers());
            ServiceHealthIndicator indicator = ServiceHealthIndicator.of(worker);
            try {
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
                worker.start();
                byte[] identity = receiveInform(router);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);

                send(router, identity, "ACK", "ack-1", "inform");
                await().atMost(Duration.ofSeconds(5)).until(() -> indicator.health().getStatus().equals(Status.UP));

                send(router, identity, "DISCONNECT", "disconnect-1");
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> indicator.health().getStatus().equals(Status.OUT_OF_SERVICE));
            } finally {
                worker.close();
            }
        }
    }

    /** Waits for the worker's INFORM, skipping anything else; returns the worker's identity. */
    private static byte[] receiveInform(ZMQ.Socket router) {
        while (true) {
            byte[] identity = router.recv();
            assertThat(identity).as("a message from the worker").isNotNull();
            router.recvStr();
            router.recvStr();
            String command = router.recvStr();
            while (router.hasReceiveMore()) {
                router.recvStr();
            }
            if (command.equals("INFORM")) {
                return identity;
            }
        }
    }

    private static void send(ZMQ.Socket router, byte[] identity, String command, String msgid, String... body) {
        router.sendMore(identity);
        router.sendMore("");
        router.sendMore("eMQP/1.0");
        router.sendMore(command);
        if (body.length == 0) {
            router.send(msgid.getBytes(StandardCharsets.UTF_8), 0);
            return;
        }
        router.sendMore(msgid);
        for (int i = 0; i < body.length; i++) {
            router.send(body[i], i < body.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    private static Health healthOf(ServiceStatus status) {
        WorkerService worker = mock(WorkerService.class);
        given(worker.status()).willReturn(status);
        given(worker.heartbeat()).willReturn(new HeartbeatMonitor(InstantSource.system(), HEARTBEATS));
        return ServiceHealthIndicator.of(worker).health();
    }

    private static ServiceStatus status(ServiceState state, Duration sinceLastMessage, int misses, long reconnects,
                                        Throwable failure) {
        return new ServiceStatus(ServiceType.WORKER, state, "tcp://127.0.0.1:5000", "tcp://127.0.0.1:5001",
                "worker-1", List.of(new WeightedQueue(20, "jobs"), new WeightedQueue(10, "default")),
                state == ServiceState.CONNECTED ? Instant.now() : null, sinceLastMessage, misses, reconnects, 1, 4,
                0, 0, 0, 0, failure);
    }
}
