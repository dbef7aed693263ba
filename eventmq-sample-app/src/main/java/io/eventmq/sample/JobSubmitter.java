package io.eventmq.sample;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.eventmq.spring.EmqpTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Sends a {@link JobRequest} through the {@link EmqpTemplate} and records it in the {@link JobStore}: {@code sent}
 * at once, {@code done} or {@code failed} when the result's future completes. Jobs are keyed by an id of our own,
 * since the template's futures do not carry the eMQP msgid. Web only, like the API: the {@code router} profile has
 * neither a web server nor a client.
 */
@Component
@ConditionalOnWebApplication
final class JobSubmitter {

    /** The queue reference jobs go to, as the Python reference's {@code defer_job} sends them. */
    static final String REFERENCE_JOB_QUEUE = "default";

    private final EmqpTemplate template;
    private final JobStore store;

    JobSubmitter(EmqpTemplate template, JobStore store) {
        this.template = template;
        this.store = store;
    }

    TrackedJob submit(JobRequest request) {
        String queue = request.isReferenceJob() ? REFERENCE_JOB_QUEUE : request.queue();
        TrackedJob job = TrackedJob.sent(UUID.randomUUID().toString(), queue, request, Instant.now());
        store.add(job);
        send(queue, request).whenComplete((value, failure) -> store.update(job.id(), sent -> failure == null
                ? sent.done(value, Instant.now()) : sent.failed(JobError.of(failure), Instant.now())));
        return job;
    }

    private CompletableFuture<JsonNode> send(String queue, JobRequest request) {
        try {
            return request.isReferenceJob()
                    ? template.call(queue, request.path(), request.callable(), request.args(), request.kwargs(),
                            JsonNode.class)
                    : template.request(queue, request.payload(), JsonNode.class);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
