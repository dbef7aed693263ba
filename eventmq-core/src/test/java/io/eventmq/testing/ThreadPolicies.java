package io.eventmq.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The Linux scheduling policy of every live Java thread: native thread ids from the JVM's own thread dump,
 * policies from {@code /proc/self/task/<tid>/stat} (field 41; 0 is SCHED_OTHER, 3 SCHED_BATCH).
 */
public final class ThreadPolicies {

    public static final int SCHED_OTHER = 0;
    public static final int SCHED_BATCH = 3;

    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" .*\\bnid=(0x\\p{XDigit}+|\\d+)",
            Pattern.MULTILINE);

    /** A live thread: its name and its policy. */
    public record Policy(String name, int policy) {
    }

    private ThreadPolicies() {
    }

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/task"));
    }

    /** Every live Java thread by native thread id. */
    public static Map<Long, Policy> snapshot() {
        Map<Long, Policy> threads = new HashMap<>();
        Matcher matcher = THREAD.matcher(threadDump());
        while (matcher.find()) {
            String nid = matcher.group(2);
            long tid = nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid);
            Integer policy = policy(tid);
            if (policy != null) {
                threads.put(tid, new Policy(matcher.group(1), policy));
            }
        }
        return threads;
    }

    /** The threads of {@code after} that {@code before} did not have. */
    public static Map<Long, Policy> started(Map<Long, Policy> before, Map<Long, Policy> after) {
        Map<Long, Policy> started = new HashMap<>(after);
        started.keySet().removeAll(before.keySet());
        return started;
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
    private static Integer policy(long tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[41 - 3]);
        } catch (IOException e) {
            return null;
        }
    }
}
