package io.eventmq.spring;

import io.eventmq.device.WorkerService;

/**
 * Customizes the auto-configured worker before it starts, e.g. registers handlers in code with
 * {@code worker.handlers().onRequest(...)}.
 */
@FunctionalInterface
public interface WorkerCustomizer {

    void customize(WorkerService worker);
}
