/**
 * The scheduler device (the reference's {@code emq-scheduler}): {@link io.eventmq.scheduler.Scheduler} keeps
 * interval and cron schedules in a {@link io.eventmq.scheduler.ScheduleStore} and sends due jobs to the router.
 *
 * <pre>{@code
 * try (ZContext context = new ZContext()) {
 *     Scheduler scheduler = new Scheduler(context, SchedulerSettings.DEFAULTS, new InMemoryScheduleStore());
 *     scheduler.start();
 *     ...
 *     scheduler.stop();
 * }
 * }</pre>
 */
package io.eventmq.scheduler;
