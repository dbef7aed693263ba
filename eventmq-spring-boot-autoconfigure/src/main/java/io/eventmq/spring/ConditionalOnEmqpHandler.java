package io.eventmq.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when a bean definition's type has at least one {@link EmqpHandler} method: a worker has work. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnEmqpHandler.OnEmqpHandlerCondition.class)
@interface ConditionalOnEmqpHandler {

    /**
     * Looks at the types of the bean definitions, once all of them are registered (so handlers on {@code @Bean}
     * methods count too); makes no bean.
     */
    final class OnEmqpHandlerCondition extends SpringBootCondition implements ConfigurationCondition {

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.REGISTER_BEAN;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            int found = HandlerMethods.declared(context.getBeanFactory()).size();
            return found > 0 ? ConditionOutcome.match(found + " @EmqpHandler methods found")
                    : ConditionOutcome.noMatch("no @EmqpHandler method found");
        }
    }
}
