package io.eventmq.spring;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import io.eventmq.device.Job;
import io.eventmq.protocol.JobPayload;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds the parameters of a reference-job handler ({@code @EmqpHandler(path, callable)}) that carry no
 * annotation: the job's {@code args} by position, then its {@code kwargs} by parameter name, each converted to
 * the parameter's type with the application's JSON mapper. Also hands the core {@link Job} to a parameter of
 * that type.
 */
final class JobArguments implements HandlerMethodArgumentResolver {

    private final JsonMapper mapper;
    /** The reference-job handlers by the method invoked, which on a JDK proxy is the interface's. */
    private final Map<Method, EmqpHandler> referenceJobs = new ConcurrentHashMap<>();

    JobArguments(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Tells a method invoked as {@code invocable} runs reference jobs for {@code handler}. */
    void referenceJob(Method invocable, EmqpHandler handler) {
        referenceJobs.put(invocable, handler);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Job.class || isJobArgument(parameter);
    }

    private boolean isJobArgument(MethodParameter parameter) {
        EmqpHandler handler = parameter.getMethod() == null ? null : referenceJobs.get(parameter.getMethod());
        return handler != null && isJobArgument(parameter, handler);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        Job job = message.getHeaders().get(EmqpMessageHeaders.JOB, Job.class);
        if (parameter.getParameterType() == Job.class) {
            return job;
        }
        JobPayload payload = job.jobPayload();
        if (payload == null) {
            throw new IllegalArgumentException("REQUEST " + job.msgid() + " is not a reference job"
                    + " [\"run\", {\"path\", \"callable\", ...}]: no arguments for " + describe(parameter));
        }
        int position = position(parameter);
        JsonNode value = position < payload.args().size() ? payload.args().get(position)
                : payload.kwargs().get(parameter.getParameterName());
        if (value == null) {
            if (parameter.getParameterType().isPrimitive()) {
                throw new IllegalArgumentException("missing argument " + describe(parameter) + ": "
                        + payload.args().size() + " args, kwargs " + payload.kwargs().propertyNames());
            }
            return null;
        }
        return mapper.treeToValue(value, mapper.constructType(parameter.getGenericParameterType()));
    }

    /** A parameter of {@code handler}'s method that no other resolver claims, when it runs reference jobs. */
    static boolean isJobArgument(MethodParameter parameter, EmqpHandler handler) {
        if (handler.path().isEmpty() || parameter.hasParameterAnnotation(Header.class)
                || parameter.hasParameterAnnotation(Headers.class) || parameter.hasParameterAnnotation(Payload.class)) {
            return false;
        }
        Class<?> type = parameter.getParameterType();
        return type != Job.class && !Message.class.isAssignableFrom(type) && type != MessageHeaders.class;
    }

    /** The parameter's place among the method's job arguments: which of {@code args} it takes. */
    private int position(MethodParameter parameter) {
        int position = 0;
        for (int i = 0; i < parameter.getParameterIndex(); i++) {
            if (isJobArgument(MethodParameter.forExecutable(parameter.getExecutable(), i))) {
                position++;
            }
        }
        return position;
    }

    private static String describe(MethodParameter parameter) {
        return "parameter " + parameter.getParameterIndex() + " (" + parameter.getParameterName() + ")";
    }
}
