package io.eventmq.sample;

import java.net.URI;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The HTTP API: {@code POST /jobs} submits a job and answers 202 with its id, {@code GET /jobs/{id}} shows its state
 * and result, {@code GET /jobs} the latest jobs. Errors are problem JSON ({@code spring.mvc.problemdetails}).
 */
@RestController
@RequestMapping("/jobs")
@ConditionalOnWebApplication
final class JobController {

    /** Jobs {@code GET /jobs} shows at most. */
    static final int LIST_LIMIT = 100;

    private final JobSubmitter submitter;
    private final JobStore store;

    JobController(JobSubmitter submitter, JobStore store) {
        this.submitter = submitter;
        this.store = store;
    }

    /** The answer to {@code POST /jobs}: where to read the job. */
    record Submitted(String id) {
    }

    @PostMapping
    ResponseEntity<Submitted> submit(@RequestBody JobRequest request) {
        request.validate();
        TrackedJob job = submitter.submit(request);
        return ResponseEntity.accepted().location(URI.create("/jobs/" + job.id())).body(new Submitted(job.id()));
    }

    @GetMapping("/{id}")
    TrackedJob job(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no job " + id + ": unknown, or evicted (the last " + JobStore.CAPACITY + " are kept)"));
    }

    @GetMapping
    List<TrackedJob> latest() {
        return store.latest(LIST_LIMIT);
    }
}
