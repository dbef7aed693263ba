package io.eventmq.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.zeromq.ZContext;

/**
 * The ZeroMQ context that every EventMQ device of the application shares (one set of ZeroMQ I/O threads),
 * and the {@code eventmq.*} properties. The context is closed last, after the devices that use it.
 */
@AutoConfiguration
@ConditionalOnClass(ZContext.class)
@ConditionalOnBooleanProperty(name = "eventmq.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventMqProperties.class)
public final class EventMqAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ZContext eventMqContext() {
        return new ZContext();
    }
}
