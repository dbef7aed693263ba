package io.eventmq.transport;

import static io.eventmq.transport.Loopback.awaitReadable;
import static io.eventmq.transport.Loopback.receive;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** Real JeroMQ sockets on loopback, ephemeral ports. */
@Timeout(30)
class PollerTest {

    private static final long LONG_ENOUGH = 10_000;

    private final SocketOptions options = SocketOptions.DEFAULTS.withLinger(Duration.ZERO)
            .withHandshakeInterval(Duration.ofMillis(500));
    private ZContext context;
    private Poller poller;

    @BeforeEach
    void createContext() {
        context = new ZContext();
        poller = new Poller();
    }

    @AfterEach
    void closeContext() {
        poller.close();
        context.close();
    }

    @Test
    void reportsTheReadableSocketAmongTwo() {
        Pair first = pair();
        Pair second = pair();
        poller.register(first.router);
        poller.register(second.router);

        second.dealer.send(Message.withId(Command.READY, "r-2"));

        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        assertThat(poller.isReadable(second.router)).isTrue();
        assertThat(poller.isReadable(first.router)).isFalse();
        assertThat(second.router.receive().msgid()).isEqualTo("r-2");

        first.dealer.send(Message.withId(Command.READY, "r-1"));

        assertThat(poller.poll(Duration.ofMillis(LONG_ENOUGH))).isEqualTo(1);
        assertThat(poller.isReadable(first.router)).isTrue();
        assertThat(poller.isReadable(second.router)).isFalse();
    }

    @Test
    void anInterruptedThreadReadsTrueReadinessAndKeepsItsInterrupt() {
        Pair quiet = pair();
        poller.register(quiet.router);

        int readable;
        boolean stillInterrupted;
        Thread.currentThread().interrupt();
        try {
            readable = poller.poll(0);
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(readable).isZero();
        assertThat(poller.isReadable(quiet.router)).isFalse();
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void reportsBothWhenBothAreReadable() {
        Pair first = pair();
        Pair second = pair();
        poller.register(first.router);
        poller.register(second.router);
        first.dealer.send(Message.of(Command.READY));
        second.dealer.send(Message.of(Command.READY));

        awaitReadable(first.router);
        awaitReadable(second.router);

        assertThat(poller.poll(0)).isEqualTo(2);
        assertThat(poller.isReadable(first.router)).isTrue();
        assertThat(poller.isReadable(second.router)).isTrue();
    }

    @Test
    void pollReturnsZeroWhenNothingArrivesWithinItsTimeout() {
        Pair pair = pair();
        poller.register(pair.router);
        poller.register(pair.dealer);

        assertThat(poller.poll(50)).isZero();
        assertThat(poller.poll(Duration.ofMillis(50))).isZero();
        assertThat(poller.poll(0)).isZero();
        assertThat(poller.isReadable(pair.router)).isFalse();
        assertThat(poller.isReadable(pair.dealer)).isFalse();
    }

    @Test
    void aSocketThatWasNeverRegisteredIsNeverReadable() {
        Pair pair = pair();
        poller.register(pair.dealer);
        pair.dealer.send(Message.of(Command.READY));

        assertThat(poller.poll(50)).isZero();
        assertThat(poller.isReadable(pair.router)).isFalse();
    }

    @Test
    void registeringTwiceIsRegisteringOnce() {
        Pair pair = pair();
        poller.register(pair.router);
        poller.register(pair.router);

        pair.dealer.send(Message.of(Command.READY));

        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        assertThat(poller.isReadable(pair.router)).isTrue();
    }

    @Test
    void unregisteringOneKeepsTheOthersRight() {
        Pair first = pair();
        Pair second = pair();
        Pair third = pair();
        poller.register(first.router);
        poller.register(second.router);
        poller.register(third.router);

        poller.unregister(first.router);
        first.dealer.send(Message.withId(Command.READY, "to-the-unregistered"));
        third.dealer.send(Message.withId(Command.READY, "r-3"));

        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        assertThat(poller.isReadable(third.router)).isTrue();
        assertThat(poller.isReadable(second.router)).isFalse();
        assertThat(poller.isReadable(first.router)).isFalse();
        assertThat(third.router.receive().msgid()).isEqualTo("r-3");

        poller.register(first.router);

        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        assertThat(poller.isReadable(first.router)).isTrue();
        assertThat(poller.isReadable(second.router)).isFalse();
        assertThat(poller.isReadable(third.router)).isFalse();
        poller.unregister(second.router);
        poller.unregister(second.router);
    }

    @Test
    void worksForARebuiltSocketRegisteredAgain() {
        Pair pair = pair();
        poller.register(pair.dealer);
        pair.dealer.send(Message.of(Command.READY));
        String before = receive(pair.router).sender();

        poller.unregister(pair.dealer);
        pair.dealer.rebuild();
        poller.register(pair.dealer);
        pair.dealer.connect(pair.endpoint);
        pair.dealer.send(Message.of(Command.READY));
        String after = receive(pair.router).sender();
        pair.router.send(after, Message.withId(Command.ACK, "a-1"));

        assertThat(after).isNotEqualTo(before);
        assertThat(poller.poll(LONG_ENOUGH)).isEqualTo(1);
        assertThat(poller.isReadable(pair.dealer)).isTrue();
        assertThat(pair.dealer.receive().msgid()).isEqualTo("a-1");
    }

    @Test
    void anyNegativeTimeoutWaitsWithoutEnd() throws InterruptedException {
        Mailbox<String> mailbox = new Mailbox<>();
        poller.register(mailbox);
        CountDownLatch polling = new CountDownLatch(1);
        AtomicInteger readable = new AtomicInteger(-1);
        CountDownLatch woken = new CountDownLatch(1);
        Thread io = new Thread(() -> {
            polling.countDown();
            readable.set(poller.poll(-2));
            woken.countDown();
        });
        io.setDaemon(true);
        io.start();
        assertThat(polling.await(10, TimeUnit.SECONDS)).isTrue();

        mailbox.post("wake up");

        assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(readable.get()).as("returned because the mailbox was readable").isEqualTo(1);
    }

    private Pair pair() {
        EmqpSocket router = EmqpSocket.router(context, options);
        String endpoint = router.bind("tcp://127.0.0.1:*");
        EmqpSocket dealer = EmqpSocket.dealer(context, options);
        dealer.connect(endpoint);
        return new Pair(router, dealer, endpoint);
    }

    /** A router and a dealer connected to it. */
    private record Pair(EmqpSocket router, EmqpSocket dealer, String endpoint) {
    }
}
