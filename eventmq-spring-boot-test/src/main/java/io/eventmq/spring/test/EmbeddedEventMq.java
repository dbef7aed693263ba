package io.eventmq.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs an EventMQ router inside the test's application context on free loopback ports, with the worker and
 * the {@code EmqpTemplate} connected to it: a {@code @SpringBootTest} then sends jobs to its own
 * {@code @EmqpHandler} methods with no other process. Heartbeats are quick and the stop grace period short,
 * so a test notices a lost connection and closes fast. The ports are in {@code local.eventmq.router.*-port}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EmbeddedEventMq
 * class JobsTest {
 *     @Autowired EmqpTemplate template;
 *     ...
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = {
        "eventmq.router.enabled=true",
        "eventmq.router.frontend=tcp://127.0.0.1:*",
        "eventmq.router.backend=tcp://127.0.0.1:*",
        "eventmq.router.admin=tcp://127.0.0.1:*",
        "eventmq.worker.address=",
        "eventmq.client.address=",
        "eventmq.heartbeat.interval=200ms",
        "eventmq.heartbeat.timeout=600ms",
        "eventmq.worker.reconnect-timeout=1s",
        "eventmq.worker.grace-period=5s"})
public @interface EmbeddedEventMq {
}
