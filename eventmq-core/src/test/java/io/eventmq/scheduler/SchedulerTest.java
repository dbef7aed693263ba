package io.eventmq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

import io.eventmq.device.ServiceListener;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.testing.MutableClock;
import io.eventmq.testing.Vectors;

/** Our scheduler against a scripted frontend on loopback, on a fake clock the test moves. */
@Timeout(60)
class SchedulerTest {

    private static final String JOB = "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", \"args\": [1], "
            + "\"kwargs\": {}, \"class_args\": [], \"class_kwargs\": {}}]";
    private static final String OTHER_JOB = "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", \"args\": [2], "
            + "\"kwargs\": {}, \"class_args\": [], \"class_kwargs\": {}}]";
    private static final Duration QUIET = Duration.ofMillis(300);

    private final ZContext context = new ZContext();
    private final FrontendScript frontend = new FrontendScript(context);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T08:58:30Z").toEpochMilli());
    private final ScheduleStore store = new InMemoryScheduleStore();
    private Scheduler scheduler;

    @AfterEach
    void tearDown() {
        if (scheduler != null) {
            scheduler.stop();
        }
        frontend.close();
        context.close();
    }

    @Test
    void intervalOfOneSecondWithRunCountThreeSendsExactlyThreeRequests() {
        start(SchedulerSettings.DEFAULTS);
        frontend.send(schedule("run_count:3", "1", JOB, ""));

        Message first = frontend.expectRequest();
        assertThat(first.body()).containsExactly("default", "reply-requested", JOB);
        advance(Duration.ofSeconds(1));
        frontend.expectRequest();
        advance(Duration.ofSeconds(1));
        frontend.expectRequest();
        advance(Duration.ofSeconds(1));
        frontend.expectNoRequestFor(QUIET);

        assertThat(scheduler.sentRequests()).isEqualTo(3);
        assertThat(scheduler.schedules()).isZero();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void nohasteWaitsOneIntervalBeforeTheFirstRun() {
        start(SchedulerSettings.DEFAULTS);
        frontend.send(schedule("nohaste", "10", JOB, ""));
        await().until(() -> scheduler.schedules() == 1);

        frontend.expectNoRequestFor(QUIET);
        advance(Duration.ofSeconds(9));
        frontend.expectNoRequestFor(QUIET);
        advance(Duration.ofSeconds(1));
        frontend.expectRequest();
    }

    @Test
    void aLateRunIsSentOnceNotRepeatedToCatchUp() {
        start(SchedulerSettings.DEFAULTS);
        frontend.send(schedule("nohaste", "1", JOB, ""));
        await().until(() -> scheduler.schedules() == 1);

        advance(Duration.ofSeconds(5));
        frontend.expectRequest();
        frontend.expectNoRequestFor(QUIET);
        advance(Duration.ofSeconds(1));
        frontend.expectRequest();
    }

    @Test
    void aCronScheduleFiresAtTheExpectedMinuteInTheConfiguredZone() {
        start(SchedulerSettings.DEFAULTS.withZone(ZoneId.of("Europe/Paris")));
        frontend.send(schedule("nohaste", "-1", JOB, "0 10 * * *"));
        await().until(() -> scheduler.schedules() == 1);

        advance(Duration.ofSeconds(89));
        assertThat(clock.instant()).isEqualTo("2026-01-15T08:59:59Z");
        frontend.expectNoRequestFor(QUIET);
        advance(Duration.ofSeconds(1));
        frontend.expectRequest();
        advance(Duration.ofHours(1));
        frontend.expectNoRequestFor(QUIET);
    }

    @Test
    void unscheduleStopsIt() {
        start(SchedulerSettings.DEFAULTS);
        frontend.send(schedule("", "1", JOB, ""));
        frontend.expectRequest();

        frontend.send(Message.of(Command.UNSCHEDULE, "default", "", "-1", JOB, ""));
        await().until(() -> scheduler.schedules() == 0);
        advance(Duration.ofSeconds(2));

        frontend.expectNoRequestFor(QUIET);
        assertThat(store.load()).isEmpty();
    }

    @Test
    void schedulingTheSameJobAgainReplacesItsSchedule() {
        start(SchedulerSettings.DEFAULTS);
        frontend.send(schedule("nohaste", "10", JOB, ""));
        String reordered = "[\"run\", {\"args\": [1], \"path\": \"jobs\", \"callable\": \"echo\", \"kwargs\": {}, "
                + "\"class_args\": [], \"class_kwargs\": {}}]";
        frontend.send(schedule("nohaste", "2", reordered, ""));
        await().until(() -> store.load().size() == 1 && store.load().get(0).intervalSeconds() == 2);

        assertThat(scheduler.schedules()).isEqualTo(1);
        advance(Duration.ofSeconds(2));
        assertThat(frontend.expectRequest().frame(2)).isEqualTo(reordered);
    }

    @Test
    void theRecordedScheduleAndUnscheduleFramesAreAccepted() {
        start(SchedulerSettings.DEFAULTS);
        List<List<String>> delivered = Vectors.load(Vectors.ROUTER_SESSION).stream()
                .filter(entry -> "from-router".equals(entry.dir()) && "scheduler".equals(entry.peer()))
                .map(Vectors.Entry::frames)
                .filter(frames -> frames.contains("SCHEDULE") || frames.contains("UNSCHEDULE"))
                .toList();
        assertThat(delivered).hasSize(2);

        frontend.sendFrames(delivered.get(0));
        assertThat(frontend.expectRequest().body()).containsExactly("default", "reply-requested", JOB);
        assertThat(scheduler.schedules()).isEqualTo(1);
        assertThat(store.load().get(0).id()).isEqualTo("7bbcb2794f4602ca9649f7af414fbd92bee5bfa0");
        frontend.sendFrames(delivered.get(1));
        await().until(() -> scheduler.schedules() == 0);

        assertThat(scheduler.invalidSchedules()).isZero();
    }

    @Test
    void malformedSchedulesAndOnesBeyondTheCapAreCountedAndDropped() {
        start(SchedulerSettings.DEFAULTS.withMaxSchedules(1));
        frontend.send(schedule("", "soon", JOB, ""));
        frontend.send(schedule("", "-1", JOB, "not cron"));
        frontend.send(schedule("run_count:x", "5", JOB, ""));
        frontend.send(schedule("nohaste", "5", JOB, ""));
        frontend.send(schedule("nohaste", "5", OTHER_JOB, ""));

        await().until(() -> scheduler.invalidSchedules() == 4);
        assertThat(scheduler.schedules()).isEqualTo(1);
        assertThat(store.load()).extracting(Schedule::payload).containsExactly(JOB);
    }

    @Test
    void storedSchedulesAreBackAfterARestartAndWaitForTheirNextTime() {
        store.save(new Schedule(ScheduleIds.of(JOB), "default", "", 5, JOB, "", 2));
        start(SchedulerSettings.DEFAULTS);
        assertThat(scheduler.schedules()).isEqualTo(1);

        frontend.expectNoRequestFor(QUIET);
        advance(Duration.ofSeconds(5));
        frontend.expectRequest();
        await().until(() -> store.load().get(0).runsLeft() == 1);
    }

    @Test
    void aRunTheStoreGrantsElsewhereIsNotSentHereAndTheScheduleMovesOn() {
        List<Instant> asked = new CopyOnWriteArrayList<>();
        ScheduleStore elsewhere = claimingBy((schedule, due) -> {
            asked.add(due);
            return asked.size() % 2 == 0;
        });
        elsewhere.save(new Schedule(ScheduleIds.of(JOB), "default", "", 5, JOB, "", -1));
        scheduler = new Scheduler(context, SchedulerSettings.DEFAULTS.withService(SchedulerSettings.DEFAULTS.service()
                .withAddress(frontend.endpoint())), elsewhere, clock, () -> clock.millis() * 1_000_000L,
                ServiceListener.NONE);
        scheduler.start();
        frontend.acceptInform();

        advance(Duration.ofSeconds(5));
        await().until(() -> asked.size() == 1);
        frontend.expectNoRequestFor(QUIET);
        advance(Duration.ofSeconds(5));
        frontend.expectRequest();

        assertThat(asked).containsExactly(clock.instant().minusSeconds(5), clock.instant());
        await().until(() -> scheduler.sentRequests() == 1);
    }

    @Test
    void aStoreThatBlocksHoldsUpNeitherTheConnectionNorOtherSchedules() {
        CountDownLatch release = new CountDownLatch(1);
        ScheduleStore slow = claimingBy((schedule, due) -> {
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        slow.save(new Schedule(ScheduleIds.of(JOB), "default", "", 5, JOB, "", -1));
        scheduler = new Scheduler(context, SchedulerSettings.DEFAULTS.withService(SchedulerSettings.DEFAULTS.service()
                .withAddress(frontend.endpoint())), slow, clock, () -> clock.millis() * 1_000_000L,
                ServiceListener.NONE);
        scheduler.start();
        frontend.acceptInform();
        advance(Duration.ofSeconds(5));

        frontend.send(schedule("", "10", OTHER_JOB, ""));
        await().until(() -> scheduler.schedules() == 2);
        frontend.expectNoRequestFor(QUIET);
        release.countDown();

        assertThat(frontend.expectRequest().body()).containsExactly("default", "reply-requested", JOB);
        assertThat(frontend.expectRequest().body()).containsExactly("default", "reply-requested", OTHER_JOB);
    }

    /** The test's in-memory store, answering claims with {@code claim}. */
    private ScheduleStore claimingBy(BiPredicate<Schedule, Instant> claim) {
        return new ScheduleStore() {
            @Override
            public List<Schedule> load() {
                return store.load();
            }

            @Override
            public void save(Schedule schedule) {
                store.save(schedule);
            }

            @Override
            public void remove(String id) {
                store.remove(id);
            }

            @Override
            public boolean claim(Schedule schedule, Instant due) {
                return claim.test(schedule, due);
            }
        };
    }

    private void start(SchedulerSettings settings) {
        scheduler = new Scheduler(context, settings.withService(settings.service().withAddress(frontend.endpoint())),
                store, clock, () -> clock.millis() * 1_000_000L, ServiceListener.NONE);
        scheduler.start();
        frontend.acceptInform();
    }

    private void advance(Duration step) {
        clock.advance(step);
        scheduler.wake();
    }

    private static Message schedule(String headers, String interval, String payload, String cron) {
        return Message.of(Command.SCHEDULE, "default", headers, interval, payload, cron);
    }
}
