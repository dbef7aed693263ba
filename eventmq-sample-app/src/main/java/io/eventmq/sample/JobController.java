package io.eventmq.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventmq.client.Client;
import io.eventmq.client.JobFailedException;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.WireJson;

/**
 * {@code GET /jobs/{callable}?arg=...} runs the reference job {@code jobs.<callable>} through the router and
 * a worker and answers with its result as JSON; a failed job answers 502 with the worker's error object.
 */
@RestController
class JobController {

    private final Client client;

    JobController(Client client) {
        this.client = client;
    }

    @GetMapping(path = "/jobs/{callable}", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> run(@PathVariable String callable,
                                                  @RequestParam(name = "arg", defaultValue = "") List<String> args) {
        String payload = JobPayload.of("jobs", callable, args, Map.of()).encode();
        return client.request("default", Headers.NONE, payload)
                .thenApply(ResponseEntity::ok)
                .exceptionally(JobController::failed);
    }

    private static ResponseEntity<String> failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof JobFailedException failedJob) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(failedJob.error());
        }
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(WireJson.write(Map.of("error",
                Map.of("type", cause.getClass().getSimpleName(), "message", String.valueOf(cause.getMessage())))));
    }
}
