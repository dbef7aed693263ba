package io.eventmq.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Mailbox#runOrPost}: the caller does the I/O thread's work itself while that thread waits in its poller,
 * and posts otherwise; either way each item is handled once, in order, and never beside the I/O thread.
 */
@Timeout(30)
class MailboxRunOrPostTest {

    private static final String STOP = "stop";

    private final Mailbox<String> mailbox = new Mailbox<>();
    private final Poller poller = new Poller();
    /** Each handled item, as "item@thread", in the order handled. */
    private final List<String> handled = new CopyOnWriteArrayList<>();
    /** Set while the I/O thread or a caller handles an item: two at once would be a bug. */
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicReference<String> overlap = new AtomicReference<>();
    private Thread io;
    private volatile boolean stopped;

    @BeforeEach
    void register() {
        poller.register(mailbox);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (io != null) {
            mailbox.post(STOP);
            io.join(10_000);
        }
        poller.close();
        mailbox.close();
    }

    @Test
    void whileTheIoThreadWaitsTheCallerHandlesTheItemItself() {
        startIoThread();
        String caller = Thread.currentThread().getName();

        int items = 0;
        while (items < 200 && handled.stream().noneMatch(item -> item.endsWith("@" + caller))) {
            int before = items++;
            mailbox.runOrPost("item-" + before, this::handle);
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() > before);
        }

        assertThat(handled).anySatisfy(item -> assertThat(item).endsWith("@" + caller));
        assertThat(overlap.get()).isNull();
        for (int i = 0; i < handled.size(); i++) {
            assertThat(handled.get(i)).startsWith("item-" + i + "@");
        }
    }

    @Test
    void withoutAWaitingIoThreadTheItemIsPostedAndHandledByTheDrain() {
        mailbox.runOrPost("posted", this::handle);

        assertThat(handled).isEmpty();
        assertThat(poller.poll(10_000)).isEqualTo(1);
        mailbox.drain(this::handle);
        assertThat(handled).containsExactly("posted@" + Thread.currentThread().getName());
    }

    @Test
    void anItemNeverOvertakesOnesPostedBeforeIt() {
        startIoThread();

        for (int i = 0; i < 500; i++) {
            mailbox.post("posted-" + i);
            mailbox.runOrPost("handed-" + i, this::handle);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1_000);
        assertThat(overlap.get()).isNull();
        for (int i = 0; i < 500; i++) {
            assertThat(handled.get(2 * i)).startsWith("posted-" + i + "@");
            assertThat(handled.get(2 * i + 1)).startsWith("handed-" + i + "@");
        }
    }

    @Test
    void anInterruptedCallerPostsAndKeepsItsInterrupt() throws InterruptedException {
        startIoThread();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            mailbox.runOrPost("from an interrupted thread", this::handle);
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "interrupted-caller");

        caller.start();
        caller.join(10_000);

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        assertThat(handled).containsExactly("from an interrupted thread@test-io");
        assertThat(stillInterrupted.get()).isTrue();
    }

    /** An I/O thread as the devices run one: it polls without end, and drains the mailbox when woken. */
    private void startIoThread() {
        io = new Thread(() -> {
            while (!stopped) {
                poller.poll(-1);
                mailbox.drain(item -> {
                    if (item.equals(STOP)) {
                        stopped = true;
                    } else {
                        handle(item);
                    }
                });
            }
        }, "test-io");
        io.setDaemon(true);
        io.start();
    }

    private void handle(String item) {
        if (!busy.compareAndSet(false, true)) {
            overlap.compareAndSet(null, item);
        }
        handled.add(item + "@" + Thread.currentThread().getName());
        busy.set(false);
    }
}
