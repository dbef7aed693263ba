package io.eventmq.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.eventmq.protocol.WireJson;

/**
 * A whole run: where, how long, and every system's numbers. Printed as a table, written as JSON and CSV.
 *
 * @param threadPolicies   per system, the Linux scheduling policy of the threads that ran its scenarios
 * @param loadAverageAfter the machine's load average when the run ended
 */
record Report(String startedAt, Machine machine, long warmupMillis, long measureMillis, int maxJobs,
              List<ScenarioResult> scenarios, List<MemoryResult> memory, Map<String, String> threadPolicies,
              double loadAverageAfter) {

    private static final String ROW = "%-28s %-10s %9s %9s %9s %9s %8s %7s %7s %7s%n";
    private static final String MEMORY_ROW = "%-10s %20s %16s %16s %9s %9s %9s%n";

    static String scenarioHeader() {
        return String.format(Locale.ROOT, ROW, "scenario", "system", "jobs/s", "p50 us", "p99 us", "p99.9 us",
                "x jobs/s", "x p50", "x p99", "x p99.9");
    }

    static String scenarioRow(ScenarioResult result) {
        if (result.error() != null) {
            return String.format(Locale.ROOT, "%-28s %-10s FAILED: %s%n", result.scenario().label(),
                    result.system(), result.error());
        }
        return String.format(Locale.ROOT, ROW, result.scenario().label(), result.system(),
                String.format(Locale.ROOT, "%.0f", result.jobsPerSecond()), micros(result.p50Micros()),
                micros(result.p99Micros()), micros(result.p999Micros()), ratio(result.throughputRatio()),
                ratio(result.p50Ratio()), ratio(result.p99Ratio()), ratio(result.p999Ratio()));
    }

    static String memoryHeader() {
        return String.format(Locale.ROOT, MEMORY_ROW, "system", "retained B/waiting", "worker B/job",
                "router B/job", "x retain", "x worker", "x router");
    }

    static String memoryRow(MemoryResult result) {
        if (result.error() != null) {
            return String.format(Locale.ROOT, "%-10s FAILED: %s%n", result.system(), result.error());
        }
        return String.format(Locale.ROOT, MEMORY_ROW, result.system(), bytes(result.retainedBytesPerWaitingRequest()),
                bytes(result.workerBytesPerJob()), bytes(result.routerBytesPerJob()), ratio(result.retainedRatio()),
                ratio(result.workerRatio()), ratio(result.routerRatio()));
    }

    String table() {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%s, %d cpus, %s, heap %d MiB; load average %.2f before, %.2f after%n",
                machine.os(), machine.cpus(), machine.jvm(), machine.maxHeapMiB(), machine.loadAverageBefore(),
                loadAverageAfter));
        table.append(String.format(Locale.ROOT, "scheduling %s; zmq.Signaler from %s%n", machine.scheduling(),
                machine.signaler()));
        threadPolicies.forEach((system, policies) -> table.append(String.format(Locale.ROOT,
                "%s threads: %s%n", system, policies)));
        table.append(String.format(Locale.ROOT, "warm-up %d ms, measured up to %d ms or %d jobs per scenario; "
                + "x = system / baseline%n%n", warmupMillis, measureMillis, maxJobs));
        table.append(scenarioHeader());
        scenarios.forEach(result -> table.append(scenarioRow(result)));
        if (!memory.isEmpty()) {
            table.append(System.lineSeparator()).append(memoryHeader());
            memory.forEach(result -> table.append(memoryRow(result)));
        }
        return table.toString();
    }

    String json() {
        return WireJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    /** One line per system, scenario and metric: {@code system,scenario,metric,value,ratio_to_baseline}. */
    String csv() {
        StringBuilder csv = new StringBuilder("system,scenario,metric,value,ratio_to_baseline\n");
        for (ScenarioResult result : scenarios) {
            if (result.error() == null) {
                String scenario = result.scenario().label().replace(",", "");
                csvLine(csv, result.system(), scenario, "jobs_per_s", result.jobsPerSecond(), result.throughputRatio());
                csvLine(csv, result.system(), scenario, "p50_us", result.p50Micros(), result.p50Ratio());
                csvLine(csv, result.system(), scenario, "p99_us", result.p99Micros(), result.p99Ratio());
                csvLine(csv, result.system(), scenario, "p999_us", result.p999Micros(), result.p999Ratio());
            }
        }
        for (MemoryResult result : memory) {
            if (result.error() == null) {
                String scenario = "memory";
                csvLine(csv, result.system(), scenario, "retained_bytes_per_waiting_request",
                        result.retainedBytesPerWaitingRequest(), result.retainedRatio());
                csvLine(csv, result.system(), scenario, "worker_bytes_per_job", result.workerBytesPerJob(),
                        result.workerRatio());
                csvLine(csv, result.system(), scenario, "router_bytes_per_job", result.routerBytesPerJob(),
                        result.routerRatio());
            }
        }
        return csv.toString();
    }

    private static void csvLine(StringBuilder csv, String system, String scenario, String metric, double value,
                                Double ratio) {
        csv.append(system).append(',').append(scenario).append(',').append(metric).append(',')
                .append(String.format(Locale.ROOT, "%.1f", value)).append(',')
                .append(ratio == null ? "" : String.format(Locale.ROOT, "%.3f", ratio)).append('\n');
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String bytes(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String ratio(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
