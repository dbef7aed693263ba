package io.eventmq.benchmarks;

/**
 * One system's memory figures; ratios as in {@link ScenarioResult}.
 *
 * @param waitingRequests                REQUESTs buffered in the router for the retained-heap figure
 * @param retainedBytesPerWaitingRequest heap growth per waiting REQUEST (target: 1024 or less)
 * @param workerBytesPerJob              bytes the worker's threads allocate per job in steady state
 * @param routerBytesPerJob              bytes the router's threads allocate per job in steady state
 */
record MemoryResult(String system, int waitingRequests, Double retainedBytesPerWaitingRequest,
                    Double workerBytesPerJob, Double routerBytesPerJob, Double retainedRatio, Double workerRatio,
                    Double routerRatio, String error) {

    static MemoryResult failed(String system, int waitingRequests, Exception error) {
        return new MemoryResult(system, waitingRequests, null, null, null, null, null, null, String.valueOf(error));
    }

    MemoryResult relativeTo(MemoryResult baseline) {
        if (error != null || baseline.error != null) {
            return this;
        }
        return new MemoryResult(system, waitingRequests, retainedBytesPerWaitingRequest, workerBytesPerJob,
                routerBytesPerJob, Ratios.of(retainedBytesPerWaitingRequest, baseline.retainedBytesPerWaitingRequest),
                Ratios.of(workerBytesPerJob, baseline.workerBytesPerJob),
                Ratios.of(routerBytesPerJob, baseline.routerBytesPerJob), null);
    }
}
