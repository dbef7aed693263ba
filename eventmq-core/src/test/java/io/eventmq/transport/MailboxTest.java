package io.eventmq.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

@Timeout(30)
class MailboxTest {

    private static final long LONG_ENOUGH = 10_000;

    private ZContext context;
    private Mailbox<String> mailbox;
    private Poller poller;

    @BeforeEach
    void createMailbox() {
        context = new ZContext();
        mailbox = new Mailbox<>();
        poller = new Poller();
        poller.register(mailbox);
    }

    @AfterEach
    void closeContext() {
        poller.close();
        mailbox.close();
        context.close();
    }

    @Test
    void aPostMakesThePollerReportTheMailboxAndDrainHandsTheItemOver() {
        assertThat(mailbox.isEmpty()).isTrue();

        mailbox.post("job-1");

        assertThat(mailbox.isEmpty()).isFalse();
        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        assertThat(poller.isReadable(mailbox)).isTrue();
        List<String> drained = new ArrayList<>();
        mailbox.drain(drained::add);
        assertThat(drained).containsExactly("job-1");
        assertThat(mailbox.isEmpty()).isTrue();
    }

    @Test
    void aBurstOfPostsIsOneWakeUpAndAfterTheDrainTheMailboxIsQuiet() {
        for (int i = 0; i < 100; i++) {
            mailbox.post("item-" + i);
        }

        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        List<String> drained = new ArrayList<>();
        mailbox.drain(drained::add);

        assertThat(drained).hasSize(100).startsWith("item-0", "item-1").endsWith("item-99");
        assertThat(poller.poll(0)).isZero();
        assertThat(poller.isReadable(mailbox)).isFalse();

        mailbox.post("later");

        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        mailbox.drain(drained::add);
        assertThat(drained).endsWith("later");
    }

    @Test
    void drainingAnEmptyMailboxHandsNothingOver() {
        List<String> drained = new ArrayList<>();

        mailbox.drain(drained::add);

        assertThat(drained).isEmpty();
        assertThat(poller.poll(0)).isZero();
    }

    @Test
    void postsFromSeveralThreadsAreAllDrainedExactlyOnceInEachThreadsOrder() throws InterruptedException {
        int threads = 4;
        int perThread = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            String name = "t" + t;
            Thread poster = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perThread; i++) {
                    mailbox.post(name + ":" + i);
                }
            });
            poster.setDaemon(true);
            poster.start();
        }
        start.countDown();

        Map<String, Integer> nextPerThread = new HashMap<>();
        List<String> drained = new ArrayList<>();
        while (drained.size() < threads * perThread) {
            assertThat(poller.poll(LONG_ENOUGH)).as("woken with %d drained", drained.size()).isEqualTo(1);
            mailbox.drain(item -> {
                drained.add(item);
                String thread = item.substring(0, item.indexOf(':'));
                int index = Integer.parseInt(item.substring(item.indexOf(':') + 1));
                assertThat(index).as(item).isEqualTo(nextPerThread.getOrDefault(thread, 0));
                nextPerThread.put(thread, index + 1);
            });
        }

        assertThat(drained).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(nextPerThread).hasSize(threads).allSatisfy((thread, next) -> assertThat(next).isEqualTo(perThread));
        assertThat(mailbox.isEmpty()).isTrue();
    }

    /**
     * Posts spread out in time land in every phase of a drain and of a poll, and none may be left without a
     * wake-up. An earlier mailbox, signalled through a socket pair, lost one here in about half of the runs
     * and went deaf for good.
     */
    @Test
    void postsSpreadOverTimeNeverLeaveAnItemWithoutAWakeUp() {
        int total = 100_000;
        Thread poster = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                mailbox.post("item");
                int spins = ThreadLocalRandom.current().nextInt(100);
                for (int spin = 0; spin < spins; spin++) {
                    Thread.onSpinWait();
                }
            }
        });
        poster.setDaemon(true);
        poster.start();

        AtomicInteger drained = new AtomicInteger();
        while (drained.get() < total) {
            assertThat(poller.poll(LONG_ENOUGH)).as("woken with %d of %d drained", drained.get(), total)
                    .isEqualTo(1);
            mailbox.drain(item -> drained.incrementAndGet());
        }
        assertThat(drained.get()).isEqualTo(total);
    }

    @Test
    void aPostWakesAPollerBlockedInALongPoll() throws InterruptedException {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        AtomicInteger readable = new AtomicInteger(-1);
        AtomicReference<List<String>> drained = new AtomicReference<>();
        Thread io = new Thread(() -> {
            polling.countDown();
            readable.set(poller.poll(-1));
            List<String> items = new ArrayList<>();
            mailbox.drain(items::add);
            drained.set(items);
            woken.countDown();
        });
        io.setDaemon(true);
        io.start();
        assertThat(polling.await(10, TimeUnit.SECONDS)).isTrue();

        mailbox.post("wake up");

        assertThat(woken.await(10, TimeUnit.SECONDS)).as("the poller woke up").isTrue();
        assertThat(readable.get()).isEqualTo(1);
        assertThat(drained.get()).containsExactly("wake up");
    }

    @Test
    void aPostFromAnInterruptedThreadStillWakesThePollerAndKeepsTheInterrupt() throws InterruptedException {
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread interrupted = new Thread(() -> {
            Thread.currentThread().interrupt();
            mailbox.post("from an interrupted thread");
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        interrupted.start();
        interrupted.join(LONG_ENOUGH);
        assertThat(stillInterrupted.get()).isTrue();
        List<String> drained = new ArrayList<>();
        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        mailbox.drain(drained::add);

        mailbox.post("afterwards");

        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        mailbox.drain(drained::add);
        assertThat(drained).containsExactly("from an interrupted thread", "afterwards");
    }

    @Test
    void itemsPostedBeforeThePollerRegistersAreReadableAtOnce() {
        Mailbox<String> early = new Mailbox<>();
        early.post("before");
        try (Poller late = new Poller()) {
            late.register(early);

            assertThat(late.poll(LONG_ENOUGH)).isEqualTo(1);
            assertThat(late.isReadable(early)).isTrue();
        }
    }

    @Test
    void anUnregisteredMailboxNoLongerWakesThePoller() {
        poller.unregister(mailbox);

        mailbox.post("unheard");

        assertThat(poller.poll(100)).isZero();
        assertThat(poller.isReadable(mailbox)).isFalse();
        assertThat(mailbox.isEmpty()).isFalse();
    }

    @Test
    void postsAfterCloseAreDroppedQuietly() {
        mailbox.post("queued");
        mailbox.close();

        mailbox.post("too late");

        assertThat(mailbox.isEmpty()).isTrue();
        assertThat(poller.poll(0)).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
