package io.eventmq.spring;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

import io.eventmq.transport.CurveKeys;

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

    /** A CURVE public key: 40 characters of Z85. */
    static void curveKey(Errors errors, String property, String value) {
        if (!CurveKeys.isKey(value)) {
            reject(errors, property, value, value == null ? "must be set with the other CURVE keys"
                    : "must be a CURVE key: 40 characters of Z85 text");
        }
    }

    /**
     * A CURVE secret key, checked as {@link #curveKey} but rejected without its value: Boot's failure report
     * prints a rejected field's value, and a secret must not reach the log even when mistyped.
     */
    static void curveSecretKey(Errors errors, String property, String value) {
        if (!CurveKeys.isKey(value)) {
            errors.reject("eventmq.invalid", "eventmq." + property + (value == null
                    ? " must be set with the other CURVE keys" : " must be a CURVE key: 40 characters of Z85 text"));
        }
    }

    static void reject(Errors errors, String property, Object value, String reason) {
        errors.rejectValue(property, "eventmq.invalid", new Object[] {value}, reason);
    }
}
