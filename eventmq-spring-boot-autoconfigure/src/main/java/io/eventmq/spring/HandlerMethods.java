package io.eventmq.spring;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap;

import io.eventmq.router.Router;

/**
 * Finds {@link EmqpHandler} methods by class, with merged annotations, once per class. Used before any bean is
 * made (whether a worker is needed, which queues it serves) and when handlers are registered.
 */
final class HandlerMethods {

    /** Weak keys, as Spring's own metadata caches: a class loader that goes (devtools restart) is not held. */
    private static final Map<Class<?>, Map<Method, EmqpHandler>> CACHE = new ConcurrentReferenceHashMap<>();

    private HandlerMethods() {
    }

    /** The handler methods of {@code type}'s user class (a CGLIB subclass is looked through). */
    static Map<Method, EmqpHandler> of(Class<?> type) {
        Class<?> user = ClassUtils.getUserClass(type);
        return CACHE.computeIfAbsent(user, key -> MethodIntrospector.selectMethods(key,
                (MethodIntrospector.MetadataLookup<EmqpHandler>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, EmqpHandler.class)));
    }

    /** Every handler method of the bean definitions' types, without making any bean. */
    static List<EmqpHandler> declared(ConfigurableListableBeanFactory beanFactory) {
        return List.copyOf(declared(beanFactory, EmqpHandler.class).values());
    }

    /**
     * Every method of the bean definitions' types (their user classes) with the merged {@code annotation},
     * without making any bean; Spring's own types are skipped.
     */
    static <A extends Annotation> Map<Method, A> declared(ConfigurableListableBeanFactory beanFactory,
                                                         Class<A> annotation) {
        Map<Method, A> found = new LinkedHashMap<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(name, false);
            if (type != null && !type.getName().startsWith("org.springframework.")) {
                found.putAll(MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                        (MethodIntrospector.MetadataLookup<A>) method ->
                                AnnotatedElementUtils.findMergedAnnotation(method, annotation)));
            }
        }
        return found;
    }

    /** The queues the handlers name, in the order found, then the router's default queue. */
    static List<String> queues(List<EmqpHandler> handlers) {
        Set<String> queues = new LinkedHashSet<>();
        for (EmqpHandler handler : handlers) {
            queues.addAll(List.of(handler.queue()));
        }
        queues.add(Router.DEFAULT_QUEUE);
        return List.copyOf(queues);
    }
}
