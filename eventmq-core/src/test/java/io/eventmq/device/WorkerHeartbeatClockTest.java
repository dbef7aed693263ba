package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.testing.MutableClock;

/**
 * Heartbeats follow the injected clock: while it stands still no HEARTBEAT is due, whatever the real time;
 * once it has moved by the interval, the next wake-up sends one stamped with the clock's time.
 */
class WorkerHeartbeatClockTest extends ScriptedRouterTest {

    private final MutableClock clock = new MutableClock(1_795_878_630_653L);

    @BeforeEach
    void setUp() {
        ServiceSettings settings = TestSettings.worker(router.endpoint(), 1)
                .withHeartbeat(TestSettings.FAST_HEARTBEATS);
        worker = new WorkerService(context, settings, new Handlers(), ServiceListener.NONE, clock);
    }

    @Test
    void aHeartbeatIsDueOneIntervalOfTheServiceClockAfterTheLastSend() {
        worker.start();
        String identity = router.acceptInform().sender();
        router.expect(Command.READY);

        router.expectNothingFor(Duration.ofMillis(500));
        assertThat(router.heartbeats()).isEmpty();
        assertThat(worker.state()).isEqualTo(ServiceState.CONNECTED);

        clock.advance(TestSettings.FAST_HEARTBEATS.interval());
        router.send(identity, Message.of(Command.HEARTBEAT, "wake up"));

        Message heartbeat = router.receive(ScriptedRouter.WAIT);
        assertThat(heartbeat.command()).isEqualTo(Command.HEARTBEAT);
        assertThat(heartbeat.body()).containsExactly("1795878630.753000");
        router.expectNothingFor(Duration.ofMillis(300));
        assertThat(router.heartbeats()).isEmpty();
    }
}
