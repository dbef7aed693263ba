package io.eventmq.transport;

import static io.eventmq.testing.ThreadPolicies.SCHED_BATCH;
import static io.eventmq.testing.ThreadPolicies.SCHED_OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.WorkerService;
import io.eventmq.protocol.Headers;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;
import io.eventmq.scheduler.InMemoryScheduleStore;
import io.eventmq.scheduler.Schedule;
import io.eventmq.scheduler.ScheduleStore;
import io.eventmq.scheduler.Scheduler;
import io.eventmq.scheduler.SchedulerSettings;
import io.eventmq.testing.ThreadPolicies;

/** Which threads of a running router, worker and client run under which Linux scheduling policy. */
@Timeout(60)
class IoSchedulingTest {

    private static final String ANY_PORT = "tcp://127.0.0.1:*";

    @Test
    void byDefaultZeroMqsThreadsAndTheRoutersAndWorkersIoThreadsRunUnderBatchAndNoOtherThread() throws Exception {
        assumeTrue(ThreadPolicies.available(), "Linux only");
        assumeTrue(System.getProperty(IoScheduling.PROPERTY) == null, "the default, not a policy set for the JVM");
        int caller = policyOfThisThread();

        Map<String, Integer> policies = policiesOfThreadsStartedByOneJob(new ZContext(1));

        assertThat(policies).containsEntry("iothread-N", SCHED_BATCH).containsEntry("reaper-N", SCHED_BATCH)
                .containsEntry("eventmq-router-N-io", SCHED_BATCH).containsEntry("eventmq-worker-N-io", SCHED_BATCH)
                .as("job threads, and the client's I/O thread that starts callback threads, keep the caller's policy")
                .containsEntry("eventmq-worker-N-job-N", caller).containsEntry("eventmq-client-N-io", caller);
        assertThat(caller).as("the test's own thread is left alone").isEqualTo(SCHED_OTHER);
    }

    @Test
    void theSchedulersStoreThreadKeepsTheCallersPolicyUnderItsBatchIoThread() throws Exception {
        assumeTrue(ThreadPolicies.available(), "Linux only");
        assumeTrue(System.getProperty(IoScheduling.PROPERTY) == null, "the default, not a policy set for the JVM");
        CountDownLatch saved = new CountDownLatch(1);
        InMemoryScheduleStore memory = new InMemoryScheduleStore();
        ScheduleStore store = new ScheduleStore() {
            @Override
            public List<Schedule> load() {
                return memory.load();
            }

            @Override
            public void save(Schedule schedule) {
                memory.save(schedule);
                saved.countDown();
            }

            @Override
            public void remove(String id) {
                memory.remove(id);
            }
        };
        Map<Long, ThreadPolicies.Policy> before = ThreadPolicies.snapshot();
        Map<Long, ThreadPolicies.Policy> after;
        try (ZContext context = new ZContext(1);
             Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses(ANY_PORT, ANY_PORT, ANY_PORT))) {
            String frontend = router.start().frontend();
            try (Scheduler scheduler = new Scheduler(context, SchedulerSettings.DEFAULTS.withService(
                    SchedulerSettings.DEFAULTS.service().withAddress(frontend)), store);
                 Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(frontend))) {
                scheduler.start();
                client.start();
                client.schedule("default", Headers.NONE, Duration.ofHours(1), "[]");
                assertThat(saved.await(15, TimeUnit.SECONDS)).as("the store saved the schedule").isTrue();
                after = ThreadPolicies.snapshot();
            }
        }

        Map<String, Integer> policies = byKind(ThreadPolicies.started(before, after));
        assertThat(policies).containsEntry("eventmq-scheduler-store-N", policyOfThisThread())
                .containsValue(SCHED_BATCH);
    }

    @Test
    void schedulingDefaultLeavesEveryThreadAsItWasStarted() throws Exception {
        assumeTrue(ThreadPolicies.available(), "Linux only");

        Map<String, Integer> policies = policiesOfThreadsStartedByOneJob(
                IoScheduling.DEFAULT.configure(new ZContext(1)));

        assertThat(policies).containsKeys("iothread-N", "eventmq-router-N-io", "eventmq-worker-N-io",
                "eventmq-client-N-io");
        assertThat(policies.values()).containsOnly(policyOfThisThread());
    }

    @Test
    void aContextKeepsThePolicyItWasConfiguredWithAndDevicesFollowIt() {
        try (ZContext context = IoScheduling.DEFAULT.configure(new ZContext(1));
             EmqpSocket socket = EmqpSocket.dealer(context, SocketOptions.DEFAULTS)) {
            assertThat(socket.ioScheduling()).isEqualTo(IoScheduling.DEFAULT);
            assertThat(IoScheduling.adopt(context)).isEqualTo(IoScheduling.DEFAULT);
            assertThatThrownBy(() -> IoScheduling.BATCH.configure(context))
                    .as("ZeroMQ started its threads with the first socket").isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aContextStartedBeforeEventMqsFirstSocketKeepsItsThreads() {
        try (ZContext context = new ZContext(1)) {
            context.createSocket(SocketType.PAIR);
            assertThat(IoScheduling.adopt(context)).isEqualTo(IoScheduling.configured());
            assertThat(context.getThreadFactory().getClass().getName()).doesNotContain(IoScheduling.class.getName());
        }
    }

    @Test
    void theSettingIsBatchOrDefaultInAnyCase() {
        assertThat(IoScheduling.parse("batch")).isEqualTo(IoScheduling.BATCH);
        assertThat(IoScheduling.parse(" Default ")).isEqualTo(IoScheduling.DEFAULT);
        assertThatThrownBy(() -> IoScheduling.parse("fifo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventmq.io.scheduling must be batch or default");
    }

    /** Router, worker and client on {@code context}, one job through them; the threads they started, by kind. */
    private static Map<String, Integer> policiesOfThreadsStartedByOneJob(ZContext context) throws Exception {
        Map<Long, ThreadPolicies.Policy> before = ThreadPolicies.snapshot();
        Map<Long, ThreadPolicies.Policy> after;
        try (context; Router router = new Router(context, RouterSettings.DEFAULTS
                .withAddresses(ANY_PORT, ANY_PORT, ANY_PORT))) {
            RouterEndpoints endpoints = router.start();
            try (WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS
                    .withAddress(endpoints.backend()).withConcurrency(1), new Handlers().onAnyRequest(job -> "1"));
                 Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend()))) {
                worker.start();
                client.start();
                assertThat(client.request("default", Headers.NONE, "[]").get(15, TimeUnit.SECONDS)).isEqualTo("\"1\"");
                after = ThreadPolicies.snapshot();
            }
        }
        return byKind(ThreadPolicies.started(before, after));
    }

    /** The threads' policies by name with numbers as N; -1 where threads of one kind differ. */
    private static Map<String, Integer> byKind(Map<Long, ThreadPolicies.Policy> threads) {
        return threads.values().stream()
                .collect(Collectors.toMap(thread -> thread.name().replaceAll("\\d+", "N"),
                        ThreadPolicies.Policy::policy, (one, other) -> one.equals(other) ? one : -1));
    }

    private static int policyOfThisThread() {
        return ThreadPolicies.snapshot().values().stream()
                .filter(thread -> thread.name().equals(Thread.currentThread().getName()))
                .map(ThreadPolicies.Policy::policy).findFirst().orElseThrow();
    }
}
