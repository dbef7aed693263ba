package io.eventmq.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an {@link EventMqConfigurationException} at startup as what went wrong and which property to change. */
class EventMqFailureAnalyzer extends AbstractFailureAnalyzer<EventMqConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EventMqConfigurationException cause) {
        return new FailureAnalysis("EventMQ could not start: " + cause.getMessage(),
                "Change the property " + cause.getProperty() + " (now \"" + cause.getValue() + "\").", cause);
    }
}
