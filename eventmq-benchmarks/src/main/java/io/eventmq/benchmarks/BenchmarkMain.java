package io.eventmq.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every {@link Scenario} and the {@link MemoryBenchmark} for each registered {@link QueueSystem}, the
 * systems of one scenario one after the other so that background load hits them alike; prints the table and
 * writes {@code benchmarks.json} and {@code benchmarks.csv}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(Settings.USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(Systems.registered(settings), settings, System.out);
        System.out.println();
        System.out.print(report.table());
        Files.createDirectories(settings.outputDirectory());
        Path json = settings.outputDirectory().resolve("benchmarks.json");
        Path csv = settings.outputDirectory().resolve("benchmarks.csv");
        Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        Files.writeString(csv, report.csv(), StandardCharsets.UTF_8);
        System.out.println("\nwritten: " + json.toAbsolutePath().normalize() + ", " + csv.toAbsolutePath().normalize());
    }

    static Report run(List<QueueSystem> systems, Settings settings, PrintStream progress)
            throws InterruptedException {
        String startedAt = Instant.now().toString();
        Machine machine = Machine.current();
        for (QueueSystem system : systems) {
            warmUp(system, settings, progress);
        }
        progress.print(Report.scenarioHeader());
        List<ScenarioResult> scenarios = new ArrayList<>();
        Map<String, ThreadPolicies> policies = new LinkedHashMap<>();
        for (Scenario scenario : settings.scenarios()) {
            ScenarioResult baseline = null;
            for (QueueSystem system : systems) {
                ScenarioResult result = measure(system, scenario, settings,
                        policies.computeIfAbsent(system.name(), name -> new ThreadPolicies()));
                result = baseline == null ? result : result.relativeTo(baseline);
                baseline = baseline == null ? result : baseline;
                scenarios.add(result);
                progress.print(Report.scenarioRow(result));
            }
        }
        List<MemoryResult> memory = new ArrayList<>();
        if (settings.memory()) {
            memory = measureMemory(systems, settings, progress);
        }
        Map<String, String> threads = new LinkedHashMap<>();
        policies.forEach((system, seen) -> threads.put(system, seen.summary()));
        return new Report(startedAt, machine, settings.warmup().toMillis(), settings.measurement().toMillis(),
                settings.maxJobs(), scenarios, memory, threads, Machine.loadAverage());
    }

    private static List<MemoryResult> measureMemory(List<QueueSystem> systems, Settings settings,
                                                    PrintStream progress) throws InterruptedException {
        progress.println();
        progress.print(Report.memoryHeader());
        List<MemoryResult> memory = new ArrayList<>();
        MemoryResult baseline = null;
        for (QueueSystem system : systems) {
            MemoryResult result = MemoryBenchmark.measure(system, settings.waitingRequests(), settings.warmup(),
                    settings.measurement(), settings.maxJobs());
            result = baseline == null ? result : result.relativeTo(baseline);
            baseline = baseline == null ? result : baseline;
            memory.add(result);
            progress.print(Report.memoryRow(result));
        }
        return memory;
    }

    /**
     * Compiles the hot paths before the first scenario, so that no scenario is measured half interpreted:
     * every scenario once, unmeasured, as the busiest alone left paths of the others to compile later.
     */
    private static void warmUp(QueueSystem system, Settings settings, PrintStream progress)
            throws InterruptedException {
        for (Scenario scenario : settings.scenarios()) {
            try (Deployment deployment = system.start(scenario.workers(), scenario.slotsPerWorker())) {
                WindowDriver.run(deployment, scenario.window(), scenario.payload(), settings.warmup(),
                        settings.maxJobs(), LatencySamples.none());
            } catch (RuntimeException e) {
                progress.println(system.name() + ": warm-up " + scenario.label() + " failed: " + e);
            }
        }
    }

    /** A fresh deployment: warm-up, then the measured phase; then the policies of the threads that ran it. */
    private static ScenarioResult measure(QueueSystem system, Scenario scenario, Settings settings,
                                          ThreadPolicies policies) throws InterruptedException {
        Map<Long, String> before = ThreadPolicies.live();
        try (Deployment deployment = system.start(scenario.workers(), scenario.slotsPerWorker())) {
            WindowDriver.run(deployment, scenario.window(), scenario.payload(), settings.warmup(), settings.maxJobs(),
                    LatencySamples.none());
            LatencySamples samples = new LatencySamples(settings.maxJobs());
            WindowDriver.Phase phase = WindowDriver.run(deployment, scenario.window(), scenario.payload(),
                    settings.measurement(), settings.maxJobs(), samples);
            policies.record(before);
            return ScenarioResult.measured(system.name(), scenario, phase, samples);
        } catch (RuntimeException e) {
            return ScenarioResult.failed(system.name(), scenario, e);
        }
    }
}
