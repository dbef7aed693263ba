package io.eventmq.spring;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;

import io.eventmq.device.Job;
import io.eventmq.device.JobHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link EmqpHandler} method as the worker runs it: the job becomes a spring-messaging {@link Message}
 * (payload bytes, msgid, queue, headers and the job itself as headers), the method's arguments are resolved
 * from it, and its return value becomes JSON with the application's mapper.
 */
final class EmqpHandlerMethod implements JobHandler {

    private final InvocableHandlerMethod method;
    private final JsonMapper mapper;
    private final ObservationRegistry registry;
    private final EmqpProcessObservationConvention convention;
    /** The queues the worker announced: the only queue names an observation is tagged with. */
    private final Set<String> served;

    EmqpHandlerMethod(InvocableHandlerMethod method, JsonMapper mapper, ObservationRegistry registry,
                      EmqpProcessObservationConvention convention, Set<String> served) {
        this.method = method;
        this.mapper = mapper;
        this.registry = registry;
        this.convention = convention;
        this.served = served;
    }

    @Override
    public Object handle(Job job) throws Exception {
        Message<byte[]> message = MessageBuilder.withPayload(job.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(EmqpMessageHeaders.MSGID, job.msgid())
                .setHeader(EmqpMessageHeaders.QUEUE, job.queue())
                .setHeader(EmqpMessageHeaders.HEADERS, job.headers().encode())
                .setHeader(EmqpMessageHeaders.JOB, job)
                .build();
        Object value = registry.isNoop() ? method.invoke(message) : observed(job, message);
        return value == null ? null : mapper.valueToTree(value);
    }

    /** Runs the method in an {@link EmqpObservation#PROCESS} whose parent is the client's, when it sent one. */
    private Object observed(Job job, Message<byte[]> message) throws Exception {
        EmqpProcessContext context = new EmqpProcessContext(served.contains(job.queue()) ? job.queue() : "other",
                job.msgid(),
                TraceHeaders.decode(job.headers().unknown()));
        Observation observation = EmqpObservation.PROCESS.observation(convention,
                DefaultEmqpProcessObservationConvention.INSTANCE, () -> context, registry).start();
        try (Observation.Scope scope = observation.openScope()) {
            return method.invoke(message);
        } catch (Exception | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    @Override
    public String toString() {
        return method.getShortLogMessage();
    }
}
