package io.eventmq.spring;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import io.eventmq.device.Handlers;
import io.eventmq.device.Job;
import io.eventmq.device.WorkerService;
import io.eventmq.protocol.WeightedQueue;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds {@link EmqpHandler} methods on every bean as it is made (through AOP proxies, CGLIB or JDK) and, once
 * all singletons exist, checks them and registers them with the worker. Every check happens here, at startup:
 * two methods claiming the same job or queue, or a parameter nothing can give, stop the application with a
 * message that names the methods and the parameter.
 */
final class EmqpHandlerRegistrar implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

    /** Headers an {@code @Header} parameter can name: ours and spring-messaging's own. */
    private static final Set<String> KNOWN_HEADERS = Set.of(EmqpMessageHeaders.MSGID, EmqpMessageHeaders.QUEUE,
            EmqpMessageHeaders.HEADERS, MessageHeaders.ID, MessageHeaders.TIMESTAMP);

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private record Found(Object bean, Method method, EmqpHandler handler) {

        String describe() {
            return method.getDeclaringClass().getName() + "." + method.getName() + "()";
        }
    }

    private final List<Found> found = new ArrayList<>();
    private ConfigurableListableBeanFactory beanFactory;
    /** Set once the handlers are registered: the worker's handlers are fixed when it starts. */
    private boolean registered;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Map<Method, EmqpHandler> methods = HandlerMethods.of(AopProxyUtils.ultimateTargetClass(bean));
        if (methods.isEmpty()) {
            return bean;
        }
        if (registered) {
            throw new IllegalStateException("Bean " + beanName + " has @EmqpHandler methods but was made after"
                    + " startup (a prototype or lazy bean): the worker's handlers are fixed by then; make it a"
                    + " singleton that is not lazy");
        }
        methods.forEach((method, handler) -> found.add(new Found(bean, method, handler)));
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        WorkerService worker = beanFactory.getBean(WorkerService.class);
        JsonMapper mapper = beanFactory.getBeanProvider(JsonMapper.class).getIfAvailable(JsonMapper::new);
        DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
        factory.setMessageConverter(new CompositeMessageConverter(List.of(new ByteArrayMessageConverter(),
                new StringMessageConverter(), new JacksonJsonMessageConverter(mapper))));
        JobArguments jobArguments = new JobArguments(mapper);
        factory.setCustomArgumentResolvers(List.of(jobArguments));
        factory.setBeanFactory(beanFactory);
        factory.afterPropertiesSet();
        boolean observed = beanFactory.getBean(EventMqProperties.class).getObservation().isEnabled();
        ObservationRegistry observations = observed
                ? beanFactory.getBeanProvider(ObservationRegistry.class).getIfAvailable(() -> ObservationRegistry.NOOP)
                : ObservationRegistry.NOOP;
        EmqpProcessObservationConvention convention = beanFactory
                .getBeanProvider(EmqpProcessObservationConvention.class).getIfAvailable();
        Set<String> served = worker.settings().queues().stream().map(WeightedQueue::name)
                .collect(Collectors.toUnmodifiableSet());
        Map<String, Found> claimed = new HashMap<>();
        for (Found handler : found) {
            check(handler);
            for (String key : keys(handler.handler())) {
                Found other = claimed.putIfAbsent(key, handler);
                if (other != null) {
                    throw new IllegalStateException("Two @EmqpHandler methods claim " + key + ": "
                            + other.describe() + " and " + handler.describe());
                }
            }
            Method invocable = AopUtils.selectInvocableMethod(handler.method(), handler.bean().getClass());
            jobArguments.referenceJob(invocable, handler.handler());
            EmqpHandlerMethod method = new EmqpHandlerMethod(
                    factory.createInvocableHandlerMethod(handler.bean(), invocable), mapper, observations,
                    convention, served);
            register(worker.handlers(), handler, method);
        }
        found.clear();
        registered = true;
    }

    private static List<String> keys(EmqpHandler handler) {
        if (!handler.path().isEmpty()) {
            return List.of("job " + handler.path() + "." + handler.callable());
        }
        if (handler.queue().length == 0) {
            return List.of("every REQUEST no other handler takes");
        }
        return List.of(handler.queue()).stream().map(queue -> "queue \"" + queue + "\"").toList();
    }

    private static void register(Handlers handlers, Found found, EmqpHandlerMethod method) {
        EmqpHandler handler = found.handler();
        try {
            if (!handler.path().isEmpty()) {
                handlers.onJob(handler.path(), handler.callable(), method);
            } else if (handler.queue().length == 0) {
                handlers.onAnyRequest(method);
            } else {
                for (String queue : handler.queue()) {
                    handlers.onRequest(queue, method);
                }
            }
        } catch (IllegalStateException e) {
            throw new IllegalStateException("@EmqpHandler " + found.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The annotation makes sense and every parameter can be given. */
    private static void check(Found found) {
        EmqpHandler handler = found.handler();
        if (handler.path().isEmpty() != handler.callable().isEmpty()) {
            throw new IllegalStateException("@EmqpHandler " + found.describe()
                    + " names a reference job by path and callable: give both");
        }
        if (!handler.path().isEmpty() && handler.queue().length > 0) {
            throw new IllegalStateException("@EmqpHandler " + found.describe()
                    + " names both a queue and a job: a reference job runs on any queue, give one or the other");
        }
        String payload = null;
        for (int i = 0; i < found.method().getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(found.method(), i);
            parameter.initParameterNameDiscovery(NAMES);
            Header header = AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(), Header.class);
            String name = parameter.getParameterName() == null ? "arg" + i : parameter.getParameterName();
            if (header != null) {
                String headerName = header.name().isEmpty() ? name : header.name();
                if (!KNOWN_HEADERS.contains(headerName)) {
                    throw new IllegalStateException("Parameter " + i + " (" + name + ") of @EmqpHandler "
                            + found.describe() + " cannot be resolved: no header \"" + headerName + "\"; known: "
                            + KNOWN_HEADERS);
                }
            } else if (!JobArguments.isJobArgument(parameter, handler) && isPayload(parameter)) {
                if (payload != null) {
                    throw new IllegalStateException("Parameter " + i + " (" + name + ") of @EmqpHandler "
                            + found.describe() + " cannot be resolved: the payload already goes to parameter "
                            + payload + "; annotate the others with @Header");
                }
                payload = name;
            }
        }
    }

    private static boolean isPayload(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return !parameter.hasParameterAnnotation(Headers.class) && type != Job.class
                && !Message.class.isAssignableFrom(type) && type != MessageHeaders.class;
    }
}
