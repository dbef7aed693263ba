package io.eventmq.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/** Heap and allocation readings from the JVM's management beans. */
final class MemoryProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private MemoryProbe() {
    }

    /** Used heap after full collections: what is reachable now, plus little noise. */
    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            MEMORY.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Bytes allocated so far by {@code threads}, all of which must be alive. */
    static long allocatedBytes(List<Thread> threads) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new UnsupportedOperationException("this JVM does not count allocations per thread");
        }
        long total = 0;
        for (Thread thread : threads) {
            long bytes = THREADS.getThreadAllocatedBytes(thread.getId());
            if (bytes < 0) {
                throw new IllegalStateException(thread.getName() + " is not alive");
            }
            total += bytes;
        }
        return total;
    }
}
