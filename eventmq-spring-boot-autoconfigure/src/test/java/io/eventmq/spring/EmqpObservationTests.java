package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;

/**
 * Request and handler observations: recorded when eventmq.observation.enabled, with the client's trace context
 * carried to the handler in the eMQP headers, so the handler's parent is the client's request.
 */
class EmqpObservationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class, EventMqWorkerAutoConfiguration.class,
                    EventMqClientAutoConfiguration.class))
            .withPropertyValues("eventmq.router.enabled=true")
            .withPropertyValues(EventMqRouterAutoConfigurationTests.EPHEMERAL)
            .withUserConfiguration(Echo.class);

    @Test
    void theHandlersObservationIsAChildOfTheClientsRequest() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Propagation propagation = new Propagation();
        registry.observationConfig().observationHandler(propagation);
        runner.withPropertyValues("eventmq.observation.enabled=true")
                .withBean(TestObservationRegistry.class, () -> registry).run(context -> {
                    assertThat(context.getBean(EmqpTemplate.class).call("default", "jobs", "echo", List.of("hi"),
                            Map.of(), String.class)).succeedsWithin(WAIT).isEqualTo("hi");

                    TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("eventmq.request").that()
                            .hasLowCardinalityKeyValue("eventmq.queue", "default").hasBeenStopped();
                    TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("eventmq.process").that()
                            .hasLowCardinalityKeyValue("eventmq.queue", "default").hasBeenStopped();
                    Observation.Context request = propagation.started.get("eventmq.request");
                    Observation.Context process = propagation.started.get("eventmq.process");
                    assertThat(process.<String>get(Propagation.PARENT)).as("the id the client sent")
                            .isEqualTo(request.<String>get(Propagation.ID));
                    assertThat(context.getBean(Echo.class).traceHeaders).contains("traceparent:"
                            + request.<String>get(Propagation.ID).replace(":", "%3A"));
                });
    }

    @Test
    void offByDefault() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(TestObservationRegistry.class, () -> registry).run(context -> {
            assertThat(context.getBean(EmqpTemplate.class).call("default", "jobs", "echo", List.of("hi"),
                    Map.of(), String.class)).succeedsWithin(WAIT).isEqualTo("hi");

            TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
            assertThat(context.getBean(Echo.class).traceHeaders).isEqualTo("reply-requested");
        });
    }

    @Test
    void traceFieldsSurviveTheHeadersFrame() {
        Map<String, String> fields = Map.of("traceparent", "00-abc-def-01", "tracestate", "a=1,b=2:3%",
                "timeout", "9");

        List<String> headers = TraceHeaders.encode(fields);

        assertThat(headers).noneMatch(header -> header.startsWith("timeout")).allMatch(h -> !h.contains(","));
        assertThat(TraceHeaders.decode(headers)).isEqualTo(Map.of("traceparent", "00-abc-def-01",
                "tracestate", "a=1,b=2:3%"));
    }

    static class Echo {

        volatile String traceHeaders = "";

        @EmqpHandler(path = "jobs", callable = "echo")
        String echo(String text, @Header(EmqpMessageHeaders.HEADERS) String headers) {
            traceHeaders = headers;
            return text;
        }
    }

    /** What a tracer does: the sender writes its id into the carrier, the receiver reads it as its parent. */
    static final class Propagation implements ObservationHandler<Observation.Context> {

        static final String ID = "test.id";
        static final String PARENT = "test.parent";

        final Map<String, Observation.Context> started = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public void onStart(Observation.Context context) {
            started.put(context.getName(), context);
            if (context instanceof SenderContext<?> sender) {
                String id = "span:" + System.identityHashCode(context);
                context.put(ID, id);
                ((SenderContext<Object>) sender).getSetter().set(sender.getCarrier(), "traceparent", id);
            } else if (context instanceof ReceiverContext<?> receiver) {
                String parent = ((ReceiverContext<Object>) receiver).getGetter().get(receiver.getCarrier(),
                        "traceparent");
                context.put(PARENT, parent);
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
