package io.eventmq.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the numbers came from. The load average shows how much else ran: on a 2-core machine anything above
 * about 0.5 besides this run makes the numbers noisy.
 *
 * @param scheduling the JVM's Linux scheduling policy (its main thread's), {@code SCHED_OTHER} unless started
 *                   under {@code chrt}; EventMQ puts its I/O threads under {@code SCHED_BATCH} itself, see
 *                   {@link ThreadPolicies} and {@code docs/jeromq-signaler-race.md}
 * @param signaler   where JeroMQ's {@code zmq.Signaler} was loaded from: this jar, or the fixed class of
 *                   {@code run-with-signaler-fix.sh}
 */
record Machine(String os, String arch, int cpus, String jvm, long maxHeapMiB, String scheduling, String signaler,
               double loadAverageBefore) {

    private static final String[] POLICIES = {"SCHED_OTHER", "SCHED_FIFO", "SCHED_RR", "SCHED_BATCH", "4",
        "SCHED_IDLE", "SCHED_DEADLINE"};

    static Machine current() {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), runtime.availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                runtime.maxMemory() / (1024 * 1024), schedulingPolicy(), signalerOrigin(), loadAverage());
    }

    /** The main thread's, field 41 of {@code /proc/self/stat}; "unknown" where there is none. */
    static String schedulingPolicy() {
        try {
            return policyName(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The policy in a {@code /proc} {@code stat} line, field 41. */
    static String policyName(String stat) {
        int policy = Integer.parseInt(statField(stat, 41));
        return policy >= 0 && policy < POLICIES.length ? POLICIES[policy] : Integer.toString(policy);
    }

    /**
     * Field {@code number} of a {@code /proc} {@code stat} line, numbered from 1 as proc(5) does; read after the
     * command name's closing parenthesis, as the name may hold spaces and parentheses itself.
     */
    static String statField(String stat, int number) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[number - 3];
    }

    static String signalerOrigin() {
        try {
            Path location = Path.of(Class.forName("zmq.Signaler").getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return location.getFileName().toString().endsWith(".jar") ? location.getFileName().toString()
                    : location.toString();
        } catch (ReflectiveOperationException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
