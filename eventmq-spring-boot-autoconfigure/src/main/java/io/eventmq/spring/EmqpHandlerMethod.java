package io.eventmq.spring;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;

import io.eventmq.device.Job;
import io.eventmq.device.JobHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link EmqpHandler} method as the worker runs it: the job becomes a spring-messaging {@link Message}
 * (payload bytes, msgid, queue, headers and the job itself as headers), the method's arguments are resolved
 * from it, and its return value becomes JSON with the application's mapper.
 */
final class EmqpHandlerMethod implements JobHandler {

    private final InvocableHandlerMethod method;
    private final JsonMapper mapper;

    EmqpHandlerMethod(InvocableHandlerMethod method, JsonMapper mapper) {
        this.method = method;
        this.mapper = mapper;
    }

    @Override
    public Object handle(Job job) throws Exception {
        Message<byte[]> message = MessageBuilder.withPayload(job.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(EmqpMessageHeaders.MSGID, job.msgid())
                .setHeader(EmqpMessageHeaders.QUEUE, job.queue())
                .setHeader(EmqpMessageHeaders.HEADERS, job.headers().encode())
                .setHeader(EmqpMessageHeaders.JOB, job)
                .build();
        Object value = method.invoke(message);
        return value == null ? null : mapper.valueToTree(value);
    }

    @Override
    public String toString() {
        return method.getShortLogMessage();
    }
}
