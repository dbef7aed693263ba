package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventmq.protocol.WireJson;
import io.eventmq.testing.RawDealer;
import tools.jackson.databind.JsonNode;

/** SCHEDULE to one scheduler in turn, UNSCHEDULE to all, and the error REPLY when there is none. */
class RouterSchedulerTest {

    private final RouterFixture fixture = new RouterFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private RawDealer scheduler(String id) {
        RawDealer scheduler = fixture.frontend(id);
        scheduler.sendMessage("INFORM", "inform-" + id, "", "scheduler");
        scheduler.receive("ACK");
        return scheduler;
    }

    @Test
    void withoutSchedulersScheduleAndUnscheduleGetAnErrorReply() {
        RawDealer client = fixture.frontend("client");

        client.sendMessage("SCHEDULE", "s1", "default", "", "60", JOB, "");
        client.sendMessage("UNSCHEDULE", "u1", "default", "", "-1", JOB, "");

        for (String msgid : List.of("s1", "u1")) {
            List<String> reply = client.receive("REPLY");
            assertThat(reply.get(5)).isEqualTo(msgid);
            JsonNode error = WireJson.read("refusal", reply.get(4));
            assertThat(error.get("value").isNull()).isTrue();
            assertThat(error.get("error").get("type").asString()).isEqualTo("NoScheduler");
        }
        assertThat(fixture.router.drops(DropReason.NO_SCHEDULER)).isEqualTo(2);
    }

    @Test
    void schedulesGoRoundRobinUnschedulesToEveryScheduler() {
        RawDealer first = scheduler("scheduler-1");
        RawDealer second = scheduler("scheduler-2");
        RawDealer client = fixture.frontend("client");

        client.sendMessage("SCHEDULE", "s1", "default", "", "60", JOB, "");
        client.sendMessage("SCHEDULE", "s2", "default", "", "-1", JOB, "*/5 * * * *");
        client.sendMessage("UNSCHEDULE", "u1", "default", "", "-1", JOB, "");

        List<String> toFirst = first.receive("SCHEDULE");
        List<String> toSecond = second.receive("SCHEDULE");
        assertThat(List.of(toFirst.get(3), toSecond.get(3))).containsExactlyInAnyOrder("s1", "s2");
        assertThat(first.receive("UNSCHEDULE")).containsExactly("", "eMQP/1.0", "UNSCHEDULE", "u1", "default", "",
                "-1", JOB, "");
        assertThat(second.receive("UNSCHEDULE").get(3)).isEqualTo("u1");
        assertThat(client.poll(Duration.ofMillis(200))).as("no refusal").isNull();
    }

    @Test
    void aSchedulerThatSaysKbyeGetsNoMoreSchedules() {
        RawDealer leaving = scheduler("scheduler-1");
        RawDealer staying = scheduler("scheduler-2");
        RawDealer client = fixture.frontend("client");

        leaving.sendMessage("KBYE", "bye");
        await().atMost(WAIT).until(() -> !fixture.ask("ROUTER_SHOW_SCHEDULERS").get("connected_schedulers")
                .has("scheduler-1"));
        client.sendMessage("SCHEDULE", "s1", "default", "", "60", JOB, "");
        client.sendMessage("SCHEDULE", "s2", "default", "", "60", JOB, "");

        assertThat(staying.receive("SCHEDULE").get(3)).isEqualTo("s1");
        assertThat(staying.receive("SCHEDULE").get(3)).isEqualTo("s2");
        assertThat(leaving.poll(Duration.ofMillis(200))).isNull();
    }
}
