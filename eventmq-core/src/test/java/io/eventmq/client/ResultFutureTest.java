package io.eventmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where a result's completion, and with it the callers' dependent actions, runs: never on the delivering thread. */
@Timeout(30)
class ResultFutureTest {

    /** Keeps what it is given; the test runs it, or checks that nothing came. */
    private final List<Runnable> executed = new ArrayList<>();
    private final Executor callbacks = executed::add;
    private final ResultFuture future = new ResultFuture();

    @Test
    void aCallerWaitingInGetCompletesTheFutureItselfAndRunsTheDependentActions() throws Exception {
        AtomicReference<Thread> dependentRanOn = new AtomicReference<>();
        future.thenRun(() -> dependentRanOn.set(Thread.currentThread()));
        CompletableFuture<String> caller = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                caller.complete(future.get());
            } catch (InterruptedException | ExecutionException e) {
                caller.completeExceptionally(e);
            }
        }, "waiter");
        waiter.start();
        await().until(() -> future.waiting() == 1);

        future.deliver(() -> future.complete("42"), callbacks);

        assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("42");
        assertThat(dependentRanOn.get()).isSameAs(waiter);
        assertThat(executed).as("no hop through the callback executor").isEmpty();
    }

    @Test
    void withNobodyWaitingTheCallbackExecutorCompletesIt() throws InterruptedException {
        AtomicReference<Thread> dependentRanOn = new AtomicReference<>();
        future.thenRun(() -> dependentRanOn.set(Thread.currentThread()));

        future.deliver(() -> future.complete("42"), callbacks);

        assertThat(future).isNotDone();
        assertThat(executed).hasSize(1);
        Thread executor = new Thread(executed.get(0), "callback");
        executor.start();
        executor.join();
        assertThat(future.getNow(null)).isEqualTo("42");
        assertThat(dependentRanOn.get()).isSameAs(executor);
    }

    @Test
    void aCallerThatStoppedWaitingLeavesTheCompletionToTheExecutor() {
        assertThatThrownBy(() -> future.get(1, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        future.deliver(() -> future.complete("42"), callbacks);

        assertThat(executed).hasSize(1);
        executed.get(0).run();
        assertThat(future.getNow(null)).isEqualTo("42");
    }

    @Test
    void aCallerThatComesAfterTheDeliveryCompletesItWithoutWaitingForTheExecutor() throws Exception {
        future.deliver(() -> future.complete("42"), callbacks);

        assertThat(future.get()).isEqualTo("42");
        executed.get(0).run();
        assertThat(future.join()).as("completed once").isEqualTo("42");
    }

    @Test
    void completingItFromElsewhereEndsTheWait() {
        assertThatThrownBy(() -> future.orTimeout(10, TimeUnit.MILLISECONDS).get())
                .hasCauseInstanceOf(TimeoutException.class);
    }
}
