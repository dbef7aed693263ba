package io.eventmq.spring;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks every property whose name ends with "secret-key" (e.g. {@code eventmq.security.curve.router.secret-key}) in
 * {@code /actuator/env} and {@code /actuator/configprops}, also where an application shows their values
 * ({@code management.endpoint.env.show-values=always}): Boot 4 masks by name only what such functions select.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class EventMqSanitizingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "eventMqSecretKeySanitizer")
    SanitizingFunction eventMqSecretKeySanitizer() {
        return SanitizingFunction.sanitizeValue().ifKeyMatches(EventMqSanitizingAutoConfiguration::isSecretKey);
    }

    /** Whether a property name (any form: dotted, dashed, camel case, environment variable) ends with "secret-key". */
    static boolean isSecretKey(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT).endsWith("secretkey");
    }
}
