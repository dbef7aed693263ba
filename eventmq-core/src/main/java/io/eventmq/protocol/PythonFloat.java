package io.eventmq.protocol;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double as Python's {@code repr} (and so {@code json.dumps}) writes it: the shortest digits that read
 * back as the same double, fixed notation with at least one decimal ({@code 100.0}, {@code 0.0001}) while
 * the exponent is from -4 to 15, else {@code 1e+16}, {@code 1.5e-05}. Java's {@code Double.toString}
 * switches notation elsewhere ({@code 1.2345678E7}) and, before Java 19, sometimes gives digits too many.
 */
final class PythonFloat {

    /** Python's repr switches to exponent notation below this exponent... */
    private static final int LOWEST_FIXED_EXPONENT = -4;
    /** ...and from this one. */
    private static final int FIRST_EXPONENT_NOTATION = 16;
    /** Enough significant digits for any double. */
    private static final int MAX_DIGITS = 17;

    private PythonFloat() {
    }

    /** {@code value}'s text; only for finite values. */
    static String repr(double value) {
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (value < 0) {
            text.append('-');
        }
        if (exponent < LOWEST_FIXED_EXPONENT || exponent >= FIRST_EXPONENT_NOTATION) {
            text.append(digits.charAt(0));
            if (digits.length() > 1) {
                text.append('.').append(digits, 1, digits.length());
            }
            text.append('e').append(exponent < 0 ? '-' : '+');
            if (Math.abs(exponent) < 10) {
                text.append('0');
            }
            text.append(Math.abs(exponent));
        } else if (exponent < 0) {
            text.append("0.");
            for (int zero = -1; zero > exponent; zero--) {
                text.append('0');
            }
            text.append(digits);
        } else if (digits.length() <= exponent + 1) {
            text.append(digits);
            for (int zero = digits.length(); zero <= exponent; zero++) {
                text.append('0');
            }
            text.append(".0");
        } else {
            text.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return text.toString();
    }

    /**
     * The shortest decimal that reads back as {@code value}, the nearest one among equally short ones (as
     * Python's repr). Seventeen digits always suffice. ({@code Double.toString} is no shortcut before Java 19:
     * it gives {@code 2.82879384806159008E17} for Python's {@code 2.82879384806159e+17}.)
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < MAX_DIGITS; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
