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
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends jobs to an EventMQ router from application code, in JSON written and read with the application's
 * mapper. Thread-safe: use it from web request threads, virtual threads or any other. A payload that is a
 * {@code String} or {@code byte[]} is sent as it is; any other object is written as JSON.
 * <p>
 * A result's future fails with {@link JobFailedException} when the job failed (its {@code type()} and
 * {@code errorMessage()} say how) or the router refused it, with a {@link java.util.concurrent.TimeoutException}
 * when no result came in time, and with {@link IllegalStateException} when the call could not be sent.
 */
public class EmqpTemplate {

    private final Client client;
    private final JsonMapper mapper;

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

    /** The client underneath, for what the template does not say (headers, schedules). */
    public Client getClient() {
        return client;
    }

    private <T> CompletableFuture<T> request(String queue, Object payload, JavaType type, Duration timeout) {
        CompletableFuture<String> result = client.request(queue, Headers.NONE, encode(payload));
        if (timeout != null) {
            result = result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return result.thenApply(json -> mapper.readValue(json, type));
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
