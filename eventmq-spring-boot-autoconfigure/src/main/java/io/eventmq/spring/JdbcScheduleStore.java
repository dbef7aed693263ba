package io.eventmq.spring;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import io.eventmq.scheduler.Schedule;
import io.eventmq.scheduler.ScheduleStore;

/**
 * Schedules in a database table ({@code eventmq_schedule}, created when missing), so they survive a restart.
 * Schedulers that share the table send each run once: a run is claimed by moving the row's {@code last_run}
 * forward, which succeeds for one of them only, since the others then find it less than half a period old
 * (half the interval; 30 s for cron, whose runs are a minute apart at least).
 */
final class JdbcScheduleStore implements ScheduleStore {

    private static final Duration CRON_GAP = Duration.ofSeconds(30);

    private final JdbcClient jdbc;

    JdbcScheduleStore(DataSource database) {
        this.jdbc = JdbcClient.create(database);
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS eventmq_schedule (
                    id VARCHAR(64) PRIMARY KEY,
                    queue VARCHAR(255) NOT NULL,
                    headers VARCHAR(1024) NOT NULL,
                    interval_seconds BIGINT NOT NULL,
                    payload %s NOT NULL,
                    cron VARCHAR(255) NOT NULL,
                    runs_left INT NOT NULL,
                    last_run BIGINT)""".formatted(textType(database))).update();
    }

    /** The type of a long text column: CLOB where SQL says so, TEXT on the databases that have no CLOB. */
    private static String textType(DataSource database) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(database, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            return "CLOB";
        }
        return switch (product) {
            case "PostgreSQL", "MySQL", "MariaDB", "SQLite" -> "TEXT";
            case "Microsoft SQL Server" -> "NVARCHAR(MAX)";
            default -> "CLOB";
        };
    }

    @Override
    public List<Schedule> load() {
        return jdbc.sql("SELECT id, queue, headers, interval_seconds, payload, cron, runs_left FROM eventmq_schedule")
                .query((row, number) -> new Schedule(row.getString("id"), row.getString("queue"),
                        row.getString("headers"), row.getLong("interval_seconds"), row.getString("payload"),
                        row.getString("cron"), row.getInt("runs_left")))
                .list();
    }

    @Override
    public void save(Schedule schedule) {
        int updated = jdbc.sql("""
                UPDATE eventmq_schedule SET queue = ?, headers = ?, interval_seconds = ?, payload = ?, cron = ?,
                    runs_left = ? WHERE id = ?""")
                .params(schedule.queue(), schedule.headers(), schedule.intervalSeconds(), schedule.payload(),
                        schedule.cron(), schedule.runsLeft(), schedule.id())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO eventmq_schedule (id, queue, headers, interval_seconds, payload, cron, runs_left)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(schedule.id(), schedule.queue(), schedule.headers(), schedule.intervalSeconds(),
                            schedule.payload(), schedule.cron(), schedule.runsLeft())
                    .update();
        }
    }

    @Override
    public void remove(String id) {
        jdbc.sql("DELETE FROM eventmq_schedule WHERE id = ?").param(id).update();
    }

    @Override
    public boolean claim(Schedule schedule, Instant due) {
        long gap = schedule.isCron() ? CRON_GAP.toMillis() : schedule.intervalSeconds() * 1000 / 2;
        long at = due.toEpochMilli();
        int claimed = jdbc.sql("""
                UPDATE eventmq_schedule SET last_run = ?
                WHERE id = ? AND (last_run IS NULL OR last_run <= ?)""")
                .params(at, schedule.id(), at - gap)
                .update();
        return claimed == 1 || jdbc.sql("SELECT COUNT(*) FROM eventmq_schedule WHERE id = ?").param(schedule.id())
                .query(Long.class).single() == 0;
    }
}
