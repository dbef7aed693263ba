package io.eventmq.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Which Linux scheduling policy the threads of a run had: native thread ids from the JVM's thread dump,
 * policies from {@code /proc/self/task/<tid>/stat}. Thread names are grouped with their numbers as {@code N}.
 */
final class ThreadPolicies {

    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" .*\\bnid=(0x\\p{XDigit}+|\\d+)",
            Pattern.MULTILINE);

    /** Policy name → the thread groups seen under it. */
    private final Map<String, Set<String>> groups = new TreeMap<>();

    /** Live Java threads by native thread id: their names. Empty where there is no {@code /proc}. */
    static Map<Long, String> live() {
        Map<Long, String> threads = new HashMap<>();
        if (!Files.isReadable(Path.of("/proc/self/task"))) {
            return threads;
        }
        Matcher matcher = THREAD.matcher(threadDump());
        while (matcher.find()) {
            String nid = matcher.group(2);
            threads.put(nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid),
                    matcher.group(1));
        }
        return threads;
    }

    /**
     * Notes the policy of each thread started since {@code before}, of the calling (measuring) thread and of the
     * common pool's threads, which a client may complete its futures on.
     */
    void record(Map<Long, String> before) {
        String caller = Thread.currentThread().getName();
        live().forEach((tid, name) -> {
            if (!before.containsKey(tid) || name.equals(caller) || name.startsWith("ForkJoinPool.commonPool")) {
                String policy = policy(tid);
                if (policy != null) {
                    groups.computeIfAbsent(policy, key -> new TreeSet<>()).add(name.replaceAll("\\d+", "N"));
                }
            }
        });
    }

    /** e.g. {@code SCHED_BATCH: iothread-N, reaper-N; SCHED_OTHER: main}; "unknown" when nothing was read. */
    String summary() {
        if (groups.isEmpty()) {
            return "unknown";
        }
        StringBuilder summary = new StringBuilder();
        groups.forEach((policy, names) -> summary.append(summary.length() == 0 ? "" : "; ").append(policy)
                .append(": ").append(String.join(", ", names)));
        return summary.toString();
    }

    private static String threadDump() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "threadPrint",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("no thread dump from the JVM", e);
        }
    }

    /** {@code null} when the thread has ended since the dump. */
    private static String policy(long tid) {
        try {
            return Machine.policyName(Files.readString(Path.of("/proc/self/task/" + tid + "/stat")));
        } catch (IOException e) {
            return null;
        }
    }
}
