package io.eventmq.spring;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.eventmq.client.Client;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.ProtocolException;
import io.eventmq.protocol.WireJson;
import io.eventmq.router.Router;
import io.eventmq.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Sends a SCHEDULE (or, when disabled with {@code "-"}, an UNSCHEDULE) for every {@link EmqpScheduled} method
 * once the application has started; when this application runs the scheduler too, once that scheduler is
 * connected, since the router refuses schedules while no scheduler is registered. A declaration that makes no
 * sense stops the application with a message that names the method.
 */
final class DeclaredSchedules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeclaredSchedules.class);
    private static final String DISABLED = "-";

    /** One declaration, resolved: what to send. */
    record Declared(String method, String queue, String payload, Duration interval, String cron) {

        boolean disabled() {
            return interval == null && cron == null;
        }
    }

    private final ConfigurableListableBeanFactory beanFactory;
    private final Client client;
    private final Scheduler scheduler;
    private volatile boolean running;

    DeclaredSchedules(ConfigurableListableBeanFactory beanFactory, Client client, Scheduler scheduler) {
        this.beanFactory = beanFactory;
        this.client = client;
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        List<Declared> declared = declared();
        running = true;
        if (declared.isEmpty()) {
            return;
        }
        if (client == null) {
            throw new IllegalStateException("@EmqpScheduled methods need the EventMQ client to send their schedules;"
                    + " it is disabled (eventmq.client.enabled=false)");
        }
        if (scheduler == null) {
            declared.forEach(this::send);
        } else {
            scheduler.connected().thenRunAsync(() -> declared.forEach(this::send)).exceptionally(failure -> {
                log.warn("@EmqpScheduled schedules not sent", failure);
                return null;
            });
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After every device has started. */
    @Override
    public int getPhase() {
        return DeviceLifecycle.WORKER_PHASE + 1;
    }

    private void send(Declared declared) {
        if (declared.disabled()) {
            client.unschedule(declared.queue(), Headers.NONE, declared.payload());
            log.info("@EmqpScheduled {} disabled: UNSCHEDULE sent", declared.method());
        } else if (declared.interval() != null) {
            client.schedule(declared.queue(), Headers.NONE.withNohaste(true), declared.interval(), declared.payload());
            log.info("@EmqpScheduled {}: SCHEDULE every {} sent", declared.method(), declared.interval());
        } else {
            client.schedule(declared.queue(), Headers.NONE.withNohaste(true), declared.cron(), declared.payload());
            log.info("@EmqpScheduled {}: SCHEDULE by cron \"{}\" sent", declared.method(), declared.cron());
        }
    }

    /** Every declaration on the beans' classes, resolved and checked. */
    List<Declared> declared() {
        List<Declared> found = new ArrayList<>();
        HandlerMethods.declared(beanFactory, EmqpScheduled.class)
                .forEach((method, scheduled) -> found.add(resolve(method, scheduled)));
        return found;
    }

    private Declared resolve(Method method, EmqpScheduled scheduled) {
        String describe = method.getDeclaringClass().getName() + "." + method.getName() + "()";
        EmqpHandler handler = AnnotatedElementUtils.findMergedAnnotation(method, EmqpHandler.class);
        if (handler == null) {
            throw new IllegalStateException("@EmqpScheduled " + describe
                    + " is not an @EmqpHandler: a schedule needs a handler to run its jobs");
        }
        String cron = resolve(scheduled.cron());
        String interval = resolve(scheduled.interval());
        if (cron.isEmpty() == interval.isEmpty()) {
            throw new IllegalStateException("@EmqpScheduled " + describe + " needs a cron or an interval: give one");
        }
        String queue = resolve(scheduled.queue());
        if (queue.isEmpty()) {
            queue = handler.queue().length > 0 ? handler.queue()[0] : Router.DEFAULT_QUEUE;
        }
        String payload = payload(describe, method, handler, resolve(scheduled.args()));
        if (DISABLED.equals(cron) || DISABLED.equals(interval)) {
            return new Declared(describe, queue, payload, null, null);
        }
        if (!cron.isEmpty()) {
            return new Declared(describe, queue, payload, null, cron);
        }
        try {
            Duration every = Duration.parse(interval);
            if (every.toSeconds() < 1 || every.toNanos() % 1_000_000_000L != 0) {
                throw new IllegalStateException("@EmqpScheduled " + describe + " interval must be whole seconds, "
                        + "1 s or more, was " + interval);
            }
            return new Declared(describe, queue, payload, every, null);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("@EmqpScheduled " + describe + " interval \"" + interval
                    + "\" is not a duration like PT10S", e);
        }
    }

    private static String payload(String describe, Method method, EmqpHandler handler, String args) {
        ArrayNode fixed;
        try {
            JsonNode parsed = WireJson.read("args", args);
            if (!parsed.isArray()) {
                throw new IllegalStateException("@EmqpScheduled " + describe + " args must be a JSON array, was "
                        + args);
            }
            fixed = (ArrayNode) parsed;
        } catch (ProtocolException e) {
            throw new IllegalStateException("@EmqpScheduled " + describe + " args: " + e.getMessage(), e);
        }
        boolean job = !handler.path().isEmpty();
        return new JobPayload(job ? handler.path() : method.getDeclaringClass().getName(),
                job ? handler.callable() : method.getName(), fixed, null, null, null).encode();
    }

    private String resolve(String value) {
        String resolved = beanFactory.resolveEmbeddedValue(value);
        return resolved == null ? "" : resolved.trim();
    }
}
