package io.eventmq.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.testing.RawDealer;
import tools.jackson.databind.JsonNode;

/** Router.status() and adminReport(): exact snapshots from any thread, while the router works. */
class RouterStatusTest {

    @Test
    void aSnapshotShowsWorkersWaitingInFlightAndDrops() throws Exception {
        try (RouterFixture fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*")
                .withQueueHighWaterMark(2).withPerClientShare(1.0))) {
            RawDealer worker = fixture.worker("w1", "[[10, \"email\"]]", 1);
            RawDealer client = fixture.frontend("c1");
            client.sendMessage("REQUEST", "r1", "email", "", RouterFixture.JOB);
            worker.receive("REQUEST");
            for (int i = 2; i <= 4; i++) {
                client.sendMessage("REQUEST", "r" + i, "email", "", RouterFixture.JOB);
            }

            await().atMost(RouterFixture.WAIT).until(() -> fixture.router.drops(DropReason.QUEUE_FULL) == 1);
            RouterStatus status = fixture.router.status();

            assertThat(status.running()).isTrue();
            assertThat(status.endpoints()).isEqualTo(fixture.endpoints);
            assertThat(status.workers()).singleElement().satisfies(w -> {
                assertThat(w.id()).isEqualTo("w1");
                assertThat(w.queues()).containsExactly(new WeightedQueue(10, "email"));
                assertThat(w.freeSlots()).isZero();
            });
            assertThat(status.waiting()).containsExactly(java.util.Map.entry("email", 2));
            assertThat(status.inFlight()).isEqualTo(1);
            assertThat(status.dispatched()).isEqualTo(1);
            assertThat(status.drops()).containsEntry(DropReason.QUEUE_FULL, 1L);
        }
    }

    @Test
    void snapshotsTakenFromAnotherThreadWhileRequestsPourInOnlyGrow() throws Exception {
        int requests = 2_000;
        try (RouterFixture fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*"))) {
            RawDealer client = fixture.frontend("flood");
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < requests; i++) {
                    client.sendMessage("REQUEST", "m" + i, "default", "", RouterFixture.JOB);
                }
            });
            List<Integer> seen = new ArrayList<>();
            while (seen.isEmpty() || seen.get(seen.size() - 1) < requests) {
                seen.add(fixture.router.status().waitingTotal());
                assertThat(seen.size()).as("snapshots taken before all arrived").isLessThan(100_000);
            }
            flood.get(10, TimeUnit.SECONDS);

            assertThat(seen).isSorted().last().isEqualTo(requests);
        }
    }

    @Test
    void adminReportsAreWhatTheAdminSocketAnswers() throws Exception {
        try (RouterFixture fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*"))) {
            fixture.worker("w1", "[[10, \"default\"]]", 2);
            await().atMost(RouterFixture.WAIT).until(() -> fixture.freeSlots("w1") == 2);

            JsonNode workers = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                    fixture.router.adminReport(Command.ROUTER_SHOW_WORKERS).get(5, TimeUnit.SECONDS));

            assertThat(workers.get("connected_workers").get("w1").get("available_slots").asInt()).isEqualTo(2);
            assertThat(fixture.ask("ROUTER_SHOW_WORKERS").get("connected_queues").propertyNames())
                    .containsExactlyElementsOf(workers.get("connected_queues").propertyNames());
        }
    }

    @Test
    void aStoppedRouterSaysItDoesNotRun() {
        RouterFixture fixture = new RouterFixture(RouterFixture.RECEIPTS_AT_ONCE
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*"));
        fixture.close();

        RouterStatus status = fixture.router.status();

        assertThat(status.running()).isFalse();
        assertThat(status.failure()).isNull();
        assertThat(fixture.router.adminReport(Command.STATUS)).isCompletedExceptionally();
    }
}
