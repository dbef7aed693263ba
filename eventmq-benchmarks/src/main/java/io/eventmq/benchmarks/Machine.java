package io.eventmq.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Where the numbers came from. The load average shows how much else ran: on a 2-core machine anything above
 * about 0.5 besides this run makes the numbers noisy.
 */
record Machine(String os, String arch, int cpus, String jvm, long maxHeapMiB, double loadAverageBefore) {

    static Machine current() {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), runtime.availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                runtime.maxMemory() / (1024 * 1024), loadAverage());
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
