package io.eventmq.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

import io.eventmq.protocol.Headers;
import io.eventmq.scheduler.Scheduler;
import io.eventmq.spring.EmqpHandler;
import io.eventmq.spring.EmqpScheduled;
import io.eventmq.spring.EmqpTemplate;

/** Declared and template schedules, on the embedded router and the application's own scheduler. */
@SpringBootTest(classes = EmqpScheduledTest.App.class, properties = "eventmq.scheduler.enabled=true")
@EmbeddedEventMq
class EmqpScheduledTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @SpringBootApplication
    static class App {

        final List<String> ticks = new CopyOnWriteArrayList<>();
        final List<String> reports = new CopyOnWriteArrayList<>();
        final List<String> disabled = new CopyOnWriteArrayList<>();
        final List<Integer> echoes = new CopyOnWriteArrayList<>();
        final List<String> raw = new CopyOnWriteArrayList<>();

        @EmqpHandler(path = "jobs", callable = "tick")
        @EmqpScheduled(interval = "PT1S", args = "[\"fixed\"]")
        void tick(String label) {
            ticks.add(label);
        }

        @EmqpHandler(queue = "reports")
        @EmqpScheduled(cron = "${jobs.report-cron:-}")
        void report() {
            disabled.add("report");
        }

        @EmqpHandler(path = "jobs", callable = "echo")
        void echo(int value) {
            echoes.add(value);
        }

        @EmqpHandler(queue = "raw")
        void raw(String payload) {
            raw.add(payload);
        }
    }

    @Autowired
    App app;

    @Autowired
    EmqpTemplate template;

    @Autowired
    Scheduler scheduler;

    @Test
    void aDeclaredScheduleFiresOnItsHandlerWithItsFixedArguments() {
        await().atMost(WAIT).until(() -> app.ticks.size() >= 2);

        assertThat(app.ticks).allMatch("fixed"::equals);
    }

    @Test
    void aScheduleDisabledWithADashIsNotKept() {
        await().atMost(WAIT).until(() -> !app.ticks.isEmpty());

        assertThat(app.disabled).isEmpty();
    }

    @Test
    void theTemplateSchedulesAndUnschedulesAReferenceJob() {
        template.scheduleJob("default", Duration.ofSeconds(1), "jobs", "echo", List.of(5), Map.of());
        await().atMost(WAIT).until(() -> app.echoes.size() >= 2);

        template.unscheduleJob("default", "jobs", "echo", List.of(5), Map.of());
        await().atMost(WAIT).until(() -> scheduler.schedules() == 1);
        assertThat(app.echoes).allMatch(value -> value == 5);
    }

    @Test
    void aRawPayloadScheduledWithARunCountRunsThatOften() {
        template.schedule("raw", Headers.NONE.withRunCount(1), Duration.ofSeconds(60), "once");

        await().atMost(WAIT).until(() -> app.raw.size() == 1);
        assertThat(app.raw).containsExactly("once");
    }
}
