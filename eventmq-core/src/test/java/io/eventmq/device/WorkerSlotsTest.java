package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** Job slots under load: never more jobs at once than slots, every REQUEST answered exactly once. */
class WorkerSlotsTest extends ScriptedRouterTest {

    private static final int SLOTS = 4;
    private static final int JOBS = 200;

    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger mostActive = new AtomicInteger();

    @BeforeEach
    void setUp() {
        Handlers handlers = new Handlers().onRequest("default", job -> {
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                LockSupport.parkNanos(Long.parseLong(job.payload()));
                return job.msgid();
            } finally {
                active.decrementAndGet();
            }
        });
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), SLOTS), handlers,
                new RecordingListener(), InstantSource.system());
    }

    @Test
    void twoHundredJobsOfRandomLengthOnFourSlots() {
        Random random = new Random(20261128);
        worker.start();
        String identity = router.acceptInform().sender();

        int readies = 0;
        int sent = 0;
        Set<String> answered = new HashSet<>();
        while (answered.size() < JOBS) {
            Message message = router.next();
            if (message.command() == Command.READY) {
                readies++;
                if (sent < JOBS) {
                    long nanos = Duration.ofMillis(random.nextInt(21)).toNanos();
                    router.send(identity, TestSettings.request("job-" + sent++, "reply-requested",
                            Long.toString(nanos)));
                }
            } else {
                assertThat(message.command()).isEqualTo(Command.REPLY);
                String msgid = message.frame(1);
                assertThat(answered.add(msgid)).as("first reply to %s", msgid).isTrue();
                assertThat(message.frame(0)).isEqualTo("{\"value\": \"" + msgid + "\"}");
                assertThat(sent - answered.size()).as("jobs in flight").isLessThanOrEqualTo(SLOTS);
            }
        }
        while (readies < SLOTS + JOBS) {
            assertThat(router.expect(Command.READY).sender()).isEqualTo(identity);
            readies++;
        }
        router.expectNothingFor(Duration.ofMillis(200));

        assertThat(sent).isEqualTo(JOBS);
        assertThat(mostActive.get()).isBetween(2, SLOTS);
    }
}
