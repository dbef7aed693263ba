package io.eventmq.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventmq.device.Timetable;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.ProtocolException;
import io.eventmq.util.LogText;
import io.eventmq.util.RateLimitedLog;

/**
 * A scheduler's schedules, on its I/O thread: SCHEDULE adds or replaces one (by {@link ScheduleIds id}),
 * UNSCHEDULE removes one, and each due one is sent as a REQUEST with {@code reply-requested}, as the
 * reference does. Intervals run on the monotonic clock, cron on the wall clock; a run found late is sent once
 * and the next one counted from now, never repeated to catch up. The store is called on a thread of its own, in
 * order, never on the I/O thread (a database may block): a due run is sent once the store has granted it.
 */
final class Schedules implements Timetable {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final String REQUEST_HEADERS = Headers.NONE.withReplyRequested(true).encode();
    private static final Duration WARN_INTERVAL = Duration.ofSeconds(10);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final SchedulerSettings settings;
    private final ScheduleStore store;
    private final InstantSource wallClock;
    private final LongSupplier monotonicNanos;
    private final Executor storeThread;
    private final Runnable wake;
    /** Runs the store granted, to send on the I/O thread's next pass. */
    private final Queue<Schedule> granted = new ConcurrentLinkedQueue<>();
    private final RateLimitedLog warnings = new RateLimitedLog(log, WARN_INTERVAL);
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private volatile int size;

    /** One schedule and when it is next due: {@code dueNanos} for an interval, {@code dueAt} for cron. */
    private static final class Entry {
        Schedule schedule;
        final CronRule cron;
        long dueNanos;
        Instant dueAt;

        Entry(Schedule schedule, CronRule cron) {
            this.schedule = schedule;
            this.cron = cron;
        }
    }

    /**
     * @param storeThread runs the store's calls one at a time, in order
     * @param wake        makes the I/O thread pass over the schedules again; any thread
     */
    Schedules(SchedulerSettings settings, ScheduleStore store, InstantSource wallClock, LongSupplier monotonicNanos,
              Executor storeThread, Runnable wake) {
        this.settings = settings;
        this.store = store;
        this.wallClock = wallClock;
        this.monotonicNanos = monotonicNanos;
        this.storeThread = storeThread;
        this.wake = wake;
    }

    /** Takes the stored schedules back, on the caller's thread; each waits for its next time (as {@code nohaste}). */
    void restore() {
        for (Schedule schedule : store.load()) {
            try {
                add(schedule, false);
            } catch (IllegalArgumentException e) {
                refuse("stored", "stored schedule " + schedule.id() + " dropped: " + e.getMessage());
            }
        }
    }

    @Override
    public void received(Message message) {
        try {
            String payload = message.frame(3);
            String id = ScheduleIds.of(payload);
            if (message.command() == Command.UNSCHEDULE) {
                unschedule(id, message.msgid());
                return;
            }
            Headers headers = Headers.parse(message.frame(1));
            String cron = message.body().size() > 4 ? message.frame(4) : "";
            Schedule schedule = new Schedule(id, message.frame(0), message.frame(1),
                    Long.parseLong(message.frame(2).trim()), payload, cron,
                    headers.runCount() == 0 ? -1 : headers.runCount());
            if (!entries.containsKey(id) && entries.size() >= settings.maxSchedules()) {
                refuse("full", "SCHEDULE " + LogText.of(message.msgid()) + " refused: already "
                        + entries.size() + " schedules, the most this scheduler keeps");
                return;
            }
            add(schedule, !headers.nohaste());
            save(schedule);
            log.info("schedule {} {} for queue {} by {}", id, schedule.isCron() ? "cron" : "interval",
                    LogText.of(schedule.queue()), schedule.isCron() ? LogText.of(cron) : schedule.intervalSeconds() + " s");
        } catch (ProtocolException | IllegalArgumentException e) {
            refuse("invalid", "dropped " + message.commandName() + " " + LogText.of(message.msgid()) + ": "
                    + LogText.of(e.getMessage()));
        }
    }

    @Override
    public long millisUntilDue() {
        if (!granted.isEmpty()) {
            return 0;
        }
        if (entries.isEmpty()) {
            return -1;
        }
        long nowNanos = monotonicNanos.getAsLong();
        Instant now = wallClock.instant();
        long earliest = Long.MAX_VALUE;
        for (Entry entry : entries.values()) {
            long millis = entry.cron == null
                    ? ceilDiv(entry.dueNanos - nowNanos, NANOS_PER_MILLI)
                    : Duration.between(now, entry.dueAt).toMillis();
            earliest = Math.min(earliest, Math.max(0, millis));
        }
        return earliest;
    }

    /**
     * Sends the runs the store granted, then asks the store for each run due now and moves its schedule on to
     * its next time; the answer comes back through {@link #granted} and a wake.
     */
    @Override
    public void sendDue(Consumer<Message> send) {
        for (Schedule run = granted.poll(); run != null; run = granted.poll()) {
            send(run, send);
        }
        if (entries.isEmpty()) {
            return;
        }
        long nowNanos = monotonicNanos.getAsLong();
        Instant now = wallClock.instant();
        Iterator<Entry> iterator = entries.values().iterator();
        while (iterator.hasNext()) {
            Entry entry = iterator.next();
            if (entry.cron == null ? nowNanos - entry.dueNanos < 0 : now.isBefore(entry.dueAt)) {
                continue;
            }
            Schedule schedule = entry.schedule;
            askToRun(schedule, entry.cron == null ? now : entry.dueAt);
            if (!advance(entry, nowNanos, now)) {
                iterator.remove();
                size = entries.size();
                log.info("schedule {}: its cron expression names no later time; dropped", schedule.id());
                forget(schedule.id());
            }
        }
    }

    /** A run the store granted: sent, and counted off its schedule's runs left, if the schedule is still kept. */
    private void send(Schedule run, Consumer<Message> send) {
        send.accept(Message.of(Command.REQUEST, run.queue(), REQUEST_HEADERS, run.payload()));
        sent.incrementAndGet();
        Entry entry = entries.get(run.id());
        if (entry == null || entry.schedule.runsLeft() < 1) {
            return;
        }
        if (entry.schedule.runsLeft() == 1) {
            entries.remove(run.id());
            size = entries.size();
            log.info("schedule {} ran its last run", run.id());
            forget(run.id());
        } else {
            entry.schedule = entry.schedule.withRunsLeft(entry.schedule.runsLeft() - 1);
            save(entry.schedule);
        }
    }

    /** Schedules kept now. Any thread. */
    int size() {
        return size;
    }

    /** REQUESTs sent so far. Any thread. */
    long sent() {
        return sent.get();
    }

    /** SCHEDULEs and UNSCHEDULEs dropped as malformed, and schedules refused. Any thread. */
    long invalid() {
        return invalid.get();
    }

    /** Adds or replaces {@code schedule}: due now when {@code now}, else at its first interval or cron time. */
    private void add(Schedule schedule, boolean now) {
        Entry entry = new Entry(schedule, schedule.isCron() ? CronRule.parse(schedule.cron(), settings.zone()) : null);
        long nowNanos = monotonicNanos.getAsLong();
        Instant nowAt = wallClock.instant();
        if (now) {
            entry.dueNanos = nowNanos;
            entry.dueAt = nowAt;
        } else if (!advance(entry, nowNanos, nowAt)) {
            throw new IllegalArgumentException("cron expression \"" + schedule.cron() + "\" names no time to come");
        }
        entries.put(schedule.id(), entry);
        size = entries.size();
    }

    /** Sets when {@code entry} is next due after a run at {@code nowNanos}; false when cron names no time. */
    private static boolean advance(Entry entry, long nowNanos, Instant now) {
        if (entry.cron != null) {
            entry.dueAt = entry.cron.next(now);
            return entry.dueAt != null;
        }
        long interval = entry.schedule.intervalSeconds() * NANOS_PER_SECOND;
        long next = entry.dueNanos + interval;
        entry.dueNanos = next - nowNanos > 0 ? next : nowNanos + interval;
        return true;
    }

    private void unschedule(String id, String msgid) {
        if (entries.remove(id) != null) {
            size = entries.size();
            log.info("schedule {} removed by UNSCHEDULE {}", id, LogText.of(msgid));
        }
        forget(id);
    }

    private void save(Schedule schedule) {
        onStoreThread("store schedule " + schedule.id() + "; it lives on in memory only", () -> store.save(schedule));
    }

    private void forget(String id) {
        onStoreThread("remove schedule " + id + " from the store", () -> store.remove(id));
    }

    /**
     * Asks the store for the run due at {@code due}, on the store's thread; a granted run is queued for the I/O
     * thread. A store that fails, or is too far behind to ask, grants it: a schedule lives on in memory then.
     */
    private void askToRun(Schedule schedule, Instant due) {
        Runnable ask = () -> {
            boolean mine;
            try {
                mine = store.claim(schedule, due);
            } catch (RuntimeException e) {
                log.warn("could not claim a run of schedule {} in the store; sending it", schedule.id(), e);
                mine = true;
            }
            if (mine) {
                granted.add(schedule);
                wake.run();
            } else {
                log.debug("schedule {}: another scheduler sharing the store sends this run", schedule.id());
            }
        };
        try {
            storeThread.execute(ask);
        } catch (RejectedExecutionException e) {
            log.warn("could not claim a run of schedule {}: the store's thread is {}; sending it", schedule.id(),
                    e.getMessage());
            granted.add(schedule);
        }
    }

    /** Runs {@code call} on the store's thread; a failure is logged, and the schedule lives on in memory. */
    private void onStoreThread(String what, Runnable call) {
        Runnable logged = () -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                log.warn("could not {}", what, e);
            }
        };
        try {
            storeThread.execute(logged);
        } catch (RejectedExecutionException e) {
            log.warn("could not {}: the store's thread is {}", what, e.getMessage());
        }
    }

    private void refuse(String kind, String line) {
        invalid.incrementAndGet();
        warnings.warn(kind, line);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
