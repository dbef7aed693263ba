package io.eventmq.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that runs jobs, in place of the Python reference's {@code on_<COMMAND>} naming.
 * <ul>
 * <li>{@code path} + {@code callable}: the reference's job ({@code ["run", {"path", "callable", "args",
 * "kwargs"}]}) on any queue, so that a Python client's {@code defer_job('jobs.echo', args=[1])} runs
 * {@code @EmqpHandler(path = "jobs", callable = "echo")}. Parameters without an annotation take {@code args}
 * by position, then {@code kwargs} by name, converted with the application's JSON mapper.</li>
 * <li>{@code queue}: every REQUEST sent to these queues; a parameter without an annotation takes the payload
 * ({@code String}, {@code byte[]} or a type read from JSON).</li>
 * <li>neither: the fallback for any REQUEST no other handler takes.</li>
 * </ul>
 * Other parameters: {@code @Header("msgid")}, {@code @Header("queue")}, {@code @Header("headers")},
 * {@code @Headers Map}, {@code @Payload}, and the core {@link io.eventmq.device.Job}. The return value becomes
 * the REPLY's {@code value} (written with the application's JSON mapper) when the REQUEST asked for one; an
 * exception becomes an error REPLY naming its type and message.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmqpHandler {

    /** Queues whose REQUESTs this method handles. */
    String[] queue() default {};

    /** The reference job's module path, e.g. {@code jobs}; with {@link #callable()}. */
    String path() default "";

    /** The reference job's function name, e.g. {@code echo}; with {@link #path()}. */
    String callable() default "";
}
