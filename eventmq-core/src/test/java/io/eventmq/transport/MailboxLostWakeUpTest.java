package io.eventmq.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

/**
 * A burst of posts from another thread while the I/O thread drains must never leave items in the mailbox
 * without a wake-up: the I/O thread here waits in the poller and nowhere else.
 */
class MailboxLostWakeUpTest {

    private static final int POSTS = 200_000;
    private static final Duration QUIET = Duration.ofSeconds(5);

    @Test
    void everyPostWakesThePollerOrIsDrainedByTheWakeUpInProgress() throws InterruptedException {
        try (ZContext context = new ZContext();
             Mailbox<Integer> mailbox = new Mailbox<>();
             Poller poller = new Poller()) {
            poller.register(mailbox);
            Thread poster = new Thread(() -> {
                for (int i = 0; i < POSTS; i++) {
                    mailbox.post(i);
                }
            });
            poster.start();
            AtomicInteger drained = new AtomicInteger();
            boolean stranded = false;
            while (drained.get() < POSTS && !stranded) {
                poller.poll(QUIET);
                if (poller.isReadable(mailbox)) {
                    mailbox.drain(item -> drained.incrementAndGet());
                } else {
                    stranded = !mailbox.isEmpty();
                }
            }
            poster.join();
            assertThat(stranded).as("items left in the mailbox without a wake-up, %s of %s drained",
                    drained.get(), POSTS).isFalse();
            assertThat(drained.get()).isEqualTo(POSTS);
        }
    }
}
