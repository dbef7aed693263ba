package io.eventmq.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.zeromq.ZContext;

import io.eventmq.transport.ContextFailures;

/**
 * The ZeroMQ context that every EventMQ device of the application shares (one set of ZeroMQ I/O threads),
 * and the {@code eventmq.*} properties. Its I/O threads, and the router's and worker's on it, run under
 * {@code eventmq.io.scheduling}. The context is closed last, after the devices that use it. An error
 * that kills one of ZeroMQ's own threads (its sockets then go deaf) is logged at ERROR, not only printed.
 */
@AutoConfiguration
@ConditionalOnClass(ZContext.class)
@ConditionalOnBooleanProperty(name = "eventmq.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventMqProperties.class)
public final class EventMqAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventMqAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ZContext eventMqContext(EventMqProperties properties) {
        ZContext context = ContextFailures.watch(properties.getIo().getScheduling().configure(new ZContext()));
        context.setNotificationExceptionHandler((thread, error) -> log.error(
                "ZeroMQ thread {} failed to notify a socket", thread.getName(), error));
        return context;
    }
}
