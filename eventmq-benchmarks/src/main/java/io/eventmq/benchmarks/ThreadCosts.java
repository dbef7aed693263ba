package io.eventmq.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where each system spends its CPU and its context switches, per job and per thread, in one scenario: the
 * profile that says which thread hand-off to remove. Linux only (it reads {@code /proc/self/task}).
 * <pre>{@code
 * java -cp eventmq-benchmarks.jar io.eventmq.benchmarks.ThreadCosts WORKERS SLOTS WINDOW [ROUNDS [PAYLOAD_BYTES]]
 * }</pre>
 * Each round starts each system, runs it 1.5 s unmeasured and 3 s measured. CPU comes from each task's
 * {@code utime + stime} (scheduler ticks, 10 ms each), so a 3 s run reads it to about 1 %; switches are the
 * task's voluntary and involuntary {@code ctxt_switches}. The first round runs on a cold JIT.
 */
final class ThreadCosts {

    private static final Duration WARM_UP = Duration.ofMillis(1500);
    private static final Duration MEASURED = Duration.ofSeconds(3);
    private static final int MAX_JOBS = 2_000_000;
    private static final long NANOS_PER_TICK = 10_000_000;
    /** Threads below both are left out of the per-thread line. */
    private static final double MIN_MICROS = 0.5;
    private static final double MIN_SWITCHES = 0.05;

    private ThreadCosts() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ThreadCosts WORKERS SLOTS WINDOW [ROUNDS [PAYLOAD_BYTES]]");
            System.exit(2);
        }
        int workers = Integer.parseInt(args[0]);
        int slots = Integer.parseInt(args[1]);
        int window = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String payload = args.length > 4 ? Workload.payload(Integer.parseInt(args[4])) : Workload.PAYLOAD;
        List<QueueSystem> systems = List.of(new BaselineSystem(), new EventMqSystem(0));
        for (int round = 1; round <= rounds; round++) {
            for (QueueSystem system : systems) {
                measure(system, workers, slots, window, payload, round);
            }
        }
        System.exit(0);
    }

    private static void measure(QueueSystem system, int workers, int slots, int window, String payload, int round)
            throws Exception {
        try (Deployment deployment = system.start(workers, slots)) {
            WindowDriver.run(deployment, window, payload, WARM_UP, MAX_JOBS, LatencySamples.none());
            Map<String, long[]> before = tasks();
            LatencySamples samples = new LatencySamples(MAX_JOBS);
            WindowDriver.Phase phase = WindowDriver.run(deployment, window, payload, MEASURED, MAX_JOBS, samples);
            Map<String, long[]> after = tasks();
            long jobs = Math.max(1, phase.jobs());
            double micros = 0;
            double switches = 0;
            StringBuilder perThread = new StringBuilder();
            for (Map.Entry<String, long[]> task : after.entrySet()) {
                long[] start = before.getOrDefault(task.getKey(), new long[2]);
                double taskMicros = (task.getValue()[0] - start[0]) / 1e3 / jobs;
                double taskSwitches = (double) (task.getValue()[1] - start[1]) / jobs;
                micros += taskMicros;
                switches += taskSwitches;
                if (taskMicros >= MIN_MICROS || taskSwitches >= MIN_SWITCHES) {
                    perThread.append(String.format("  %s %.1f us %.2f cs", task.getKey(), taskMicros, taskSwitches));
                }
            }
            System.out.printf("round %d %-8s %dw x %ds, window %d, %d B: %.0f jobs/s, p50 %.1f us, %.1f us CPU and "
                            + "%.2f context switches per job%n   per job:%s%n", round, system.name(), workers, slots,
                    window, payload.length(), phase.jobsPerSecond(), samples.percentileMicros(0.5), micros, switches,
                    perThread);
        }
    }

    /** Per task, "name#tid": CPU nanoseconds and context switches so far. */
    private static Map<String, long[]> tasks() throws IOException {
        Map<String, long[]> tasks = new TreeMap<>();
        try (Stream<Path> paths = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) paths::iterator) {
                try {
                    tasks.put(Files.readString(task.resolve("comm")).trim() + "#" + task.getFileName(),
                            new long[] {cpuNanos(task), switches(task)});
                } catch (IOException e) {
                    // the thread ended between the listing and the read: it did nothing in the measured run
                }
            }
        }
        return tasks;
    }

    /** {@code utime + stime}, fields 14 and 15 of the task's {@code stat}. */
    private static long cpuNanos(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        return (Long.parseLong(Machine.statField(stat, 14)) + Long.parseLong(Machine.statField(stat, 15)))
                * NANOS_PER_TICK;
    }

    private static long switches(Path task) throws IOException {
        long switches = 0;
        for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.contains("ctxt_switches:")) {
                switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return switches;
    }
}
