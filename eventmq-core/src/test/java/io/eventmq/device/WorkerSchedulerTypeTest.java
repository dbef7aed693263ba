package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** The same machinery as a scheduler: INFORM "" + "scheduler", no READY, SCHEDULE to its listener. */
class WorkerSchedulerTypeTest extends ScriptedRouterTest {

    private WorkerService scheduler;

    @AfterEach
    void tearDown() {
        scheduler.stop();
    }

    @Test
    void aSchedulerInformsWithoutQueuesOffersNoSlotsAndHearsSchedules() {
        List<Message> schedules = new CopyOnWriteArrayList<>();
        ServiceSettings settings = TestSettings.worker(router.endpoint(), 1).withType(ServiceType.SCHEDULER);
        scheduler = new WorkerService(context, settings, new Handlers().listen(Command.SCHEDULE, schedules::add));
        scheduler.start();

        Message inform = router.acceptInform();
        assertThat(inform.body()).containsExactly("", "scheduler");
        Message schedule = Message.of(Command.SCHEDULE, "default", "", "60", "[\"run\", {}]", "");
        router.send(inform.sender(), schedule);

        await().atMost(ScriptedRouter.WAIT).until(() -> schedules.size() == 1);
        assertThat(schedules.get(0).msgid()).isEqualTo(schedule.msgid());
        assertThat(scheduler.state()).isEqualTo(ServiceState.CONNECTED);
        router.expectNothingFor(Duration.ofMillis(200));
    }
}
