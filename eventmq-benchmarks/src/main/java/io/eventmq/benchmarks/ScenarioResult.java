package io.eventmq.benchmarks;

/**
 * One system's numbers in one scenario. Ratios are this system's value over the baseline's in the same run,
 * {@code null} for the baseline itself or when either side failed.
 *
 * @param jobs            jobs completed in the measured phase
 * @param jobsPerSecond   jobs over the time from the phase's first submit to its last result
 * @param p50Micros       median latency, submit to result at the client, in microseconds
 * @param throughputRatio jobs/s over the baseline's: 0.5 or more is the target at window 100
 * @param p99Ratio        p99 over the baseline's: 2 or less is the target at window 1
 * @param error           why the scenario failed, {@code null} when it did not
 */
record ScenarioResult(String system, int workers, int slotsPerWorker, int window, int payloadBytes, int jobs,
                      double jobsPerSecond,
                      double p50Micros, double p99Micros, double p999Micros, Double throughputRatio,
                      Double p50Ratio, Double p99Ratio, Double p999Ratio, String error) {

    static ScenarioResult measured(String system, Scenario scenario, WindowDriver.Phase phase,
                                   LatencySamples samples) {
        return new ScenarioResult(system, scenario.workers(), scenario.slotsPerWorker(), scenario.window(),
                scenario.payloadBytes(), phase.jobs(), phase.jobsPerSecond(), samples.percentileMicros(0.50), samples.percentileMicros(0.99),
                samples.percentileMicros(0.999), null, null, null, null, null);
    }

    static ScenarioResult failed(String system, Scenario scenario, Exception error) {
        return new ScenarioResult(system, scenario.workers(), scenario.slotsPerWorker(), scenario.window(),
                scenario.payloadBytes(), 0, 0,
                0, 0, 0, null, null, null, null, String.valueOf(error));
    }

    Scenario scenario() {
        return new Scenario(workers, slotsPerWorker, window, payloadBytes);
    }

    ScenarioResult relativeTo(ScenarioResult baseline) {
        if (error != null || baseline.error != null) {
            return this;
        }
        return new ScenarioResult(system, workers, slotsPerWorker, window, payloadBytes, jobs, jobsPerSecond,
                p50Micros,
                p99Micros, p999Micros, Ratios.of(jobsPerSecond, baseline.jobsPerSecond),
                Ratios.of(p50Micros, baseline.p50Micros), Ratios.of(p99Micros, baseline.p99Micros),
                Ratios.of(p999Micros, baseline.p999Micros), null);
    }
}
