package io.eventmq.spring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.core.ParameterizedTypeReference;

import io.eventmq.client.Client;
import io.eventmq.client.JobFailedException;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.router.Router;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends jobs to an EventMQ router from application code, in JSON written and read with the application's
 * mapper. Thread-safe: use it from web request threads, virtual threads or any other. A payload that is a
 * {@code String} or {@code byte[]} is sent as it is; any other object is written as JSON.
 * <p>
 * A result's future fails with {@link JobFailedException} when the job failed (its {@code type()} and
 * {@code errorMessage()} say how) or the router refused it, with a {@link java.util.concurrent.TimeoutException}
 * when no result came in time, with {@link io.eventmq.client.RouterLostException} when the router took the job and
 * then ended or was restarted (or sends no receipts), and with {@link IllegalStateException} when the call could
 * not be sent. Calls made while the router is away wait for it ({@code docs/reliability.md}).
 */
public class EmqpTemplate {

    private final Client client;
    private final JsonMapper mapper;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private EmqpRequestObservationConvention observationConvention;

    public EmqpTemplate(Client client, JsonMapper mapper) {
        this.client = Objects.requireNonNull(client, "client");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Sends a REQUEST to {@code queue} without waiting for a result (fire and forget).
     *
     * @return its msgid
     */
    public String send(String queue, Object payload) {
        return client.send(queue, Headers.NONE, encode(payload));
    }

    /** Sends a REQUEST to {@code queue} and returns its result read as {@code type}. */
    public <T> CompletableFuture<T> request(String queue, Object payload, Class<T> type) {
        return request(queue, payload, mapper.constructType(type), null);
    }

    /** As {@link #request(String, Object, Class)}, failing with a timeout after {@code timeout} at the latest. */
    public <T> CompletableFuture<T> request(String queue, Object payload, Class<T> type, Duration timeout) {
        return request(queue, payload, mapper.constructType(type), timeout);
    }

    /** Sends a REQUEST to {@code queue} and returns its result read as a generic {@code type}. */
    public <T> CompletableFuture<T> request(String queue, Object payload, ParameterizedTypeReference<T> type) {
        return request(queue, payload, mapper.constructType(type.getType()), null);
    }

    /**
     * Sends the Python reference's job ({@code ["run", {"path", "callable", "args", "kwargs"}]}) to the
     * {@code default} queue without waiting, like the reference's {@code defer_job}.
     *
     * @return its msgid
     */
    public String defer(String path, String callable, List<?> args, Map<String, ?> kwargs) {
        return client.send(Router.DEFAULT_QUEUE, Headers.NONE, job(path, callable, args, kwargs));
    }

    /** Sends the reference's job to {@code queue} and returns its result read as {@code type}. */
    public <T> CompletableFuture<T> call(String queue, String path, String callable, List<?> args,
                                         Map<String, ?> kwargs, Class<T> type) {
        return request(queue, job(path, callable, args, kwargs), mapper.constructType(type), null);
    }

    /**
     * Asks a scheduler to send {@code payload} to {@code queue} every {@code interval} (whole seconds, 1 s or
     * more); {@code headers} may say {@code nohaste} and {@code run_count:N}. The same payload scheduled again
     * replaces its schedule.
     *
     * @return the SCHEDULE's msgid
     */
    public String schedule(String queue, Headers headers, Duration interval, Object payload) {
        return client.schedule(queue, headers, interval, encode(payload));
    }

    /** As {@link #schedule(String, Headers, Duration, Object)}, by a 5-field {@code cron} expression. */
    public String schedule(String queue, Headers headers, String cron, Object payload) {
        return client.schedule(queue, headers, cron, encode(payload));
    }

    /** Asks every scheduler to drop the schedule of {@code payload}. @return the UNSCHEDULE's msgid */
    public String unschedule(String queue, Object payload) {
        return client.unschedule(queue, Headers.NONE, encode(payload));
    }

    /**
     * Schedules the reference's job every {@code interval}, like the reference's {@code schedule}: a Python
     * client's {@code unschedule} of the same job removes it.
     *
     * @return the SCHEDULE's msgid
     */
    public String scheduleJob(String queue, Duration interval, String path, String callable, List<?> args,
                              Map<String, ?> kwargs) {
        return client.schedule(queue, Headers.NONE, interval, job(path, callable, args, kwargs));
    }

    /** Schedules the reference's job by a 5-field {@code cron} expression. @return the SCHEDULE's msgid */
    public String scheduleJob(String queue, String cron, String path, String callable, List<?> args,
                              Map<String, ?> kwargs) {
        return client.schedule(queue, Headers.NONE, cron, job(path, callable, args, kwargs));
    }

    /** Drops the schedule of the reference's job on every scheduler. @return the UNSCHEDULE's msgid */
    public String unscheduleJob(String queue, String path, String callable, List<?> args, Map<String, ?> kwargs) {
        return client.unschedule(queue, Headers.NONE, job(path, callable, args, kwargs));
    }

    /**
     * Observes each {@code request} and {@code call} ({@link EmqpObservation#REQUEST}) in {@code registry}, and
     * sends its trace context along in the headers; {@link ObservationRegistry#NOOP} (the default) does neither.
     */
    public void setObservationRegistry(ObservationRegistry registry) {
        this.observationRegistry = Objects.requireNonNull(registry, "registry");
    }

    /** Names and tags the request observations in place of {@link DefaultEmqpRequestObservationConvention}. */
    public void setObservationConvention(EmqpRequestObservationConvention convention) {
        this.observationConvention = convention;
    }

    /** The client underneath, for what the template does not say (other headers). */
    public Client getClient() {
        return client;
    }

    private <T> CompletableFuture<T> request(String queue, Object payload, JavaType type, Duration timeout) {
        String frame = encode(payload);
        EmqpRequestContext context = new EmqpRequestContext(queue);
        Observation observation = EmqpObservation.REQUEST.observation(observationConvention,
                DefaultEmqpRequestObservationConvention.INSTANCE, () -> context, observationRegistry).start();
        Headers headers = observation.isNoop() ? Headers.NONE
                : new Headers(false, 0, 0, false, false, 0, TraceHeaders.encode(context.getCarrier()));
        CompletableFuture<String> result;
        try {
            result = client.request(queue, headers, frame);
        } catch (RuntimeException e) {
            observation.error(e).stop();
            throw e;
        }
        if (timeout != null) {
            result = result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return result.whenComplete((value, failure) -> {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }).thenApply(json -> mapper.readValue(json, type));
    }

    private String job(String path, String callable, List<?> args, Map<String, ?> kwargs) {
        return JobPayload.of(path, callable, args == null ? List.of() : mapper.convertValue(args, List.class),
                kwargs == null ? Map.of() : mapper.convertValue(kwargs, Map.class)).encode();
    }

    private String encode(Object payload) {
        if (payload instanceof String text) {
            return text;
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return mapper.writeValueAsString(payload);
    }
}
