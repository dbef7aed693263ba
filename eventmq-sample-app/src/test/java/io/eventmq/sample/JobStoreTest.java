package io.eventmq.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The store keeps the last {@link JobStore#CAPACITY} jobs and lists the newest first. */
class JobStoreTest {

    private final JobStore store = new JobStore();

    @Test
    void theOldestJobIsEvictedBeyondCapacity() {
        for (int i = 0; i <= JobStore.CAPACITY; i++) {
            store.add(job("job-" + i));
        }

        assertThat(store.find("job-0")).isEmpty();
        assertThat(store.find("job-1")).isPresent();
        assertThat(store.latest(Integer.MAX_VALUE)).hasSize(JobStore.CAPACITY);
    }

    @Test
    void latestListsTheNewestFirstUpToTheLimit() {
        store.add(job("a"));
        store.add(job("b"));
        store.add(job("c"));

        assertThat(store.latest(2)).extracting(TrackedJob::id).containsExactly("c", "b");
    }

    @Test
    void anUpdateKeepsTheJobsPlaceAndAnEvictedJobIsNotRevived() {
        store.add(job("a"));
        store.add(job("b"));

        store.update("a", sent -> sent.done(null, Instant.EPOCH));
        store.update("gone", sent -> sent.done(null, Instant.EPOCH));

        assertThat(store.latest(3)).extracting(TrackedJob::id).containsExactly("b", "a");
        assertThat(store.find("a")).get().extracting(TrackedJob::state).isEqualTo(JobState.DONE);
    }

    private static TrackedJob job(String id) {
        return TrackedJob.sent(id, "default", new JobRequest(null, null, "jobs", "echo", null, null), Instant.EPOCH);
    }
}
