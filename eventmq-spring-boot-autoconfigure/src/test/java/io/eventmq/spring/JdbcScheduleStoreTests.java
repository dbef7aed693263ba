package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import io.eventmq.scheduler.InMemoryScheduleStore;
import io.eventmq.scheduler.Schedule;
import io.eventmq.scheduler.ScheduleStore;

/** Schedules in an embedded H2 database: kept across stores, and each run claimed by one scheduler only. */
class JdbcScheduleStoreTests {

    private static final Schedule EVERY_TEN_SECONDS = new Schedule("a1", "default", "nohaste", 10,
            "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\"}]", "", -1);
    private static final Schedule DAILY = new Schedule("b2", "email", "", -1, "digest", "0 3 * * *", 3);
    private static final Instant T = Instant.parse("2026-12-01T03:00:00Z");

    private final DataSource database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .setName(UUID.randomUUID().toString()).build();

    @Test
    void schedulesOutliveTheStoreThatKeptThem() {
        ScheduleStore first = new JdbcScheduleStore(database);
        first.save(EVERY_TEN_SECONDS);
        first.save(DAILY);
        first.save(DAILY.withRunsLeft(2));
        first.remove("no-such-id");

        ScheduleStore second = new JdbcScheduleStore(database);

        assertThat(second.load()).containsExactlyInAnyOrder(EVERY_TEN_SECONDS, DAILY.withRunsLeft(2));
        second.remove("a1");
        assertThat(first.load()).containsExactly(DAILY.withRunsLeft(2));
    }

    @Test
    void twoSchedulersSharingTheTableSendEachRunOnce() {
        ScheduleStore one = new JdbcScheduleStore(database);
        ScheduleStore other = new JdbcScheduleStore(database);
        one.save(EVERY_TEN_SECONDS);
        one.save(DAILY);

        assertThat(one.claim(EVERY_TEN_SECONDS, T)).isTrue();
        assertThat(other.claim(EVERY_TEN_SECONDS, T.plusMillis(300))).as("the same run, a moment later").isFalse();
        assertThat(other.claim(EVERY_TEN_SECONDS, T.plusSeconds(10))).as("the next run").isTrue();
        assertThat(one.claim(EVERY_TEN_SECONDS, T.plusSeconds(10))).isFalse();
        assertThat(other.claim(DAILY, T)).isTrue();
        assertThat(one.claim(DAILY, T)).isFalse();
        assertThat(one.claim(DAILY.withRunsLeft(1), T.plusSeconds(86_400))).isTrue();
    }

    @Test
    void aScheduleTheTableDoesNotHoldIsNotWithheld() {
        assertThat(new JdbcScheduleStore(database).claim(DAILY, T)).isTrue();
    }

    @Test
    void storeJdbcUsesTheApplicationsDataSourceAndFailsClearlyWithoutOne() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                        EventMqSchedulerAutoConfiguration.class))
                .withPropertyValues("eventmq.scheduler.enabled=true", "eventmq.scheduler.address=tcp://127.0.0.1:1");

        runner.run(context -> assertThat(context.getBean(ScheduleStore.class))
                .isInstanceOf(InMemoryScheduleStore.class));
        runner.withPropertyValues("eventmq.scheduler.store=jdbc").withBean(DataSource.class, () -> database)
                .run(context -> assertThat(context.getBean(ScheduleStore.class))
                        .isInstanceOf(JdbcScheduleStore.class));
        runner.withPropertyValues("eventmq.scheduler.store=jdbc").run(context -> {
            assertThat(context).hasFailed();
            assertThat(FailureReports.of(context.getStartupFailure())).contains("eventmq.scheduler.store")
                    .contains("DataSource");
        });
    }
}
