package io.eventmq.benchmarks;

import java.util.Arrays;

/** Every measured latency, kept exactly (bounded by the run's job limit) and sorted once for percentiles. */
final class LatencySamples {

    private final long[] nanos;
    private int count;
    private boolean sorted;

    LatencySamples(int capacity) {
        nanos = new long[capacity];
    }

    /** Keeps nothing: for warm-ups. */
    static LatencySamples none() {
        return new LatencySamples(0);
    }

    /** Records one latency; past the capacity samples are dropped (the run's job limit prevents that). */
    void record(long latencyNanos) {
        if (count < nanos.length) {
            nanos[count++] = latencyNanos;
            sorted = false;
        }
    }

    int count() {
        return count;
    }

    /** The {@code fraction} percentile (0.99 for p99) in microseconds, nearest-rank; 0 without samples. */
    double percentileMicros(double fraction) {
        if (count == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(nanos, 0, count);
            sorted = true;
        }
        int rank = (int) Math.ceil(fraction * count);
        return nanos[Math.max(0, rank - 1)] / 1000.0;
    }
}
