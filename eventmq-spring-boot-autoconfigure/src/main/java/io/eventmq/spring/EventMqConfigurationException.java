package io.eventmq.spring;

/**
 * A property whose value is well formed but does not work here, e.g. an address already in use. The
 * {@link EventMqFailureAnalyzer} turns it into a startup report that names the property.
 */
public class EventMqConfigurationException extends IllegalStateException {

    private final String property;
    private final transient Object value;

    public EventMqConfigurationException(String property, Object value, String reason, Throwable cause) {
        super(property + " = " + value + ": " + reason, cause);
        this.property = property;
        this.value = value;
    }

    /** The full name of the property, e.g. {@code eventmq.router.backend}. */
    public String getProperty() {
        return property;
    }

    public Object getValue() {
        return value;
    }
}
