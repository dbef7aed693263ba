package io.eventmq.sample;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.eventmq.device.WorkerService;
import io.eventmq.protocol.WeightedQueue;

/** One INFO line when the application is ready: where its router listens, what its worker serves, its HTTP URL. */
@Component
final class StartupLog {

    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

    private final Environment environment;
    private final ObjectProvider<WorkerService> worker;

    StartupLog(Environment environment, ObjectProvider<WorkerService> worker) {
        this.environment = environment;
        this.worker = worker;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("EventMQ sample ready: {}; {}; {}", router(), worker(), http());
    }

    private String router() {
        String frontend = environment.getProperty("local.eventmq.router.frontend-port");
        if (frontend == null) {
            return "no embedded router";
        }
        return "router listens on ports " + frontend + " (frontend), "
                + environment.getProperty("local.eventmq.router.backend-port") + " (backend), "
                + environment.getProperty("local.eventmq.router.admin-port") + " (admin)";
    }

    private String worker() {
        WorkerService service = worker.getIfAvailable();
        if (service == null) {
            return "no worker";
        }
        return "worker serves queues " + service.settings().queues().stream().map(WeightedQueue::name)
                .collect(Collectors.joining(", ", "[", "]")) + " from " + service.settings().address();
    }

    private String http() {
        String port = environment.getProperty("local.server.port");
        return port == null ? "no HTTP server" : "HTTP on http://localhost:" + port;
    }
}
