package io.eventmq.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a schedule for an {@link EmqpHandler} method, next to the code it runs: when the application has
 * started it sends a SCHEDULE for it (with {@code nohaste}: the first run is one interval, or the next cron
 * time, away), and a scheduler sends the job to the router when due, so it runs once across a cluster,
 * unlike {@code @Scheduled}. Give {@link #cron()} or {@link #interval()}; {@code "-"} in either (e.g. from a
 * property placeholder) disables it: an UNSCHEDULE is sent instead, so that a stored schedule stops too.
 * <p>
 * The job sent is the handler's reference job ({@code path}, {@code callable}) with {@link #args()}; for a
 * queue handler, a reference job named after the method's class and name, so its schedule id is stable.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmqpScheduled {

    /** A 5-field cron expression, e.g. {@code "0 3 * * *"}, read in the scheduler's zone; placeholders allowed. */
    String cron() default "";

    /** An interval as a {@link java.time.Duration} text, e.g. {@code "PT10S"}, whole seconds; placeholders allowed. */
    String interval() default "";

    /** The queue its REQUESTs go to; by default the handler's first queue, else {@code default}. */
    String queue() default "";

    /** The job's fixed arguments, a JSON array, e.g. {@code "[1, \"daily\"]"}; placeholders allowed. */
    String args() default "[]";
}
