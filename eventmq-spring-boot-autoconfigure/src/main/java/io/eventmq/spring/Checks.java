package io.eventmq.spring;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/** The checks {@link EventMqProperties} makes of its values, each rejecting the property it names. */
final class Checks {

    /** {@code tcp://host:port} ({@code *} for a port to bind), {@code ipc://path} or {@code inproc://name}. */
    private static final Pattern ENDPOINT = Pattern.compile("tcp://[^\\s:/]+:(\\d{1,5}|\\*)|(ipc|inproc)://\\S+");

    private Checks() {
    }

    static void positive(Errors errors, String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            reject(errors, property, value, "must be positive");
        }
    }

    static void notNegative(Errors errors, String property, Duration value) {
        if (value == null || value.isNegative()) {
            reject(errors, property, value, "must not be negative");
        }
    }

    static void atLeast(Errors errors, String property, int value, int least) {
        if (value < least) {
            reject(errors, property, value, "must be " + least + " or more");
        }
    }

    /** An endpoint to connect to (no {@code *} port) or to bind ({@code bind}); none (null or empty) passes. */
    static void endpoint(Errors errors, String property, String value, boolean bind) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!ENDPOINT.matcher(value).matches() || (!bind && value.endsWith(":*"))) {
            reject(errors, property, value, "must be an endpoint like tcp://127.0.0.1:47290"
                    + (bind ? " (port * picks a free one)" : ""));
        } else if (value.startsWith("tcp://") && !value.endsWith(":*")
                && Integer.parseInt(value.substring(value.lastIndexOf(':') + 1)) > 65535) {
            reject(errors, property, value, "has a port above 65535");
        }
    }

    static void reject(Errors errors, String property, Object value, String reason) {
        errors.rejectValue(property, "eventmq.invalid", new Object[] {value}, reason);
    }
}
