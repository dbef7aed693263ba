package io.eventmq.benchmarks;

/** Ours over baseline. */
final class Ratios {

    private Ratios() {
    }

    /** {@code value / baseline}, {@code null} when the baseline is 0 (nothing to compare with). */
    static Double of(double value, double baseline) {
        return baseline == 0 ? null : value / baseline;
    }
}
