package io.eventmq.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static io.eventmq.transport.Loopback.POLL_EVERY;
import static io.eventmq.transport.Loopback.WITHIN;
import static io.eventmq.transport.Loopback.awaitReadable;
import static io.eventmq.transport.Loopback.receive;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.ProtocolException;

/** Real JeroMQ sockets on loopback, ephemeral ports. */
@Timeout(30)
class EmqpSocketTest {

    private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final SocketOptions options = SocketOptions.DEFAULTS.withLinger(Duration.ZERO)
            .withHandshakeInterval(Duration.ofMillis(500));
    private ZContext context;
    private EmqpSocket router;
    private String endpoint;

    @BeforeEach
    void bindRouter() {
        context = new ZContext();
        router = EmqpSocket.router(context, options);
        endpoint = router.bind("tcp://127.0.0.1:*");
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void bindAnswersTheEndpointWithItsPort() {
        assertThat(endpoint).matches("tcp://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
        assertThat(router.identity()).isNull();
    }

    @Test
    void dealerAndRouterExchangeMessagesWithTheDealersIdentityAsSender() {
        EmqpSocket dealer = connectedDealer();
        assertThat(dealer.identity()).matches(UUID_TEXT);

        Message inform = Message.of(Command.INFORM, "[[10, \"default\"]]", "worker");
        assertThat(dealer.send(inform)).isTrue();
        Message received = receive(router);

        assertThat(received).isEqualTo(inform.from(dealer.identity()));

        Message ack = Message.of(Command.ACK, inform.msgid());
        assertThat(router.send(received.sender(), ack)).isTrue();

        assertThat(receive(dealer)).isEqualTo(ack);
    }

    @Test
    void framesKeepEmptyAndNonAsciiTextBothWays() {
        EmqpSocket dealer = connectedDealer();
        Message odd = Message.withId(Command.REQUEST, "m-\u00e9", "", "\u00e9t\u00e9 \ud83d\ude00", "");

        dealer.send(odd);
        Message received = receive(router);
        assertThat(received).as("a ROUTER holds the UTF-8 bytes, one char each").isEqualTo(Message.withId(
                Command.REQUEST, FrameText.encode("m-\u00e9"), "", FrameText.encode("\u00e9t\u00e9 \ud83d\ude00"), "")
                .from(dealer.identity()));
        assertThat(FrameText.decode(received.body().get(1), "body")).isEqualTo("\u00e9t\u00e9 \ud83d\ude00");

        router.send(received.sender(), received);
        assertThat(receive(dealer)).isEqualTo(odd);
    }

    @Test
    void repeatingQueueAndHeadersFramesShareTheirStringsAndChangedOnesAreReadAnew() {
        EmqpSocket dealer = connectedDealer();
        Message[] sent = {Message.of(Command.REQUEST, "email", "reply-requested", "1"),
            Message.of(Command.REQUEST, "email", "reply-requested", "2"),
            Message.of(Command.REQUEST, "sms", "", "3"), Message.of(Command.REQUEST, "email", "", "4")};

        Message[] received = new Message[sent.length];
        for (int i = 0; i < sent.length; i++) {
            dealer.send(sent[i]);
            received[i] = receive(router);
            assertThat(received[i]).isEqualTo(sent[i].from(dealer.identity()));
        }
        assertThat(received[1].frame(0)).isSameAs(received[0].frame(0));
        assertThat(received[1].frame(1)).isSameAs(received[0].frame(1));
    }

    @Test
    void aMessageWithoutBodyFramesTravels() {
        EmqpSocket dealer = connectedDealer();
        Message ready = Message.of(Command.READY);

        dealer.send(ready);

        assertThat(receive(router)).isEqualTo(ready.from(dealer.identity()));
    }

    @Test
    void anInterruptedThreadSendsWholeMessagesAndKeepsItsInterrupt() {
        EmqpSocket dealer = connectedDealer();
        Message first = Message.of(Command.REQUEST, "default", "reply-requested", "1");
        Message second = Message.of(Command.REQUEST, "default", "", "2");

        boolean sent;
        boolean stillInterrupted;
        Thread.currentThread().interrupt();
        try {
            sent = dealer.send(first) && dealer.send(second);
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(sent).isTrue();
        assertThat(stillInterrupted).isTrue();
        assertThat(receive(router)).isEqualTo(first.from(dealer.identity()));
        assertThat(receive(router)).isEqualTo(second.from(dealer.identity()));
    }

    @Test
    void setIdentityIsWhatTheRouterSees() {
        EmqpSocket dealer = EmqpSocket.dealer(context, options);
        dealer.setIdentity("worker-1");
        dealer.connect(endpoint);

        dealer.send(Message.of(Command.READY));

        assertThat(dealer.identity()).isEqualTo("worker-1");
        assertThat(receive(router).sender()).isEqualTo("worker-1");
        assertThat(router.send("worker-1", Message.withId(Command.ACK, "a-1"))).isTrue();
        assertThat(receive(dealer).msgid()).isEqualTo("a-1");
    }

    @Test
    void eachDealerHasItsOwnIdentity() {
        EmqpSocket first = connectedDealer();
        EmqpSocket second = connectedDealer();

        first.send(Message.withId(Command.READY, "from-first"));
        second.send(Message.withId(Command.READY, "from-second"));
        Message one = receive(router);
        Message two = receive(router);

        assertThat(first.identity()).isNotEqualTo(second.identity());
        assertThat(List.of(one, two)).containsExactlyInAnyOrder(
                Message.withId(Command.READY, "from-first").from(first.identity()),
                Message.withId(Command.READY, "from-second").from(second.identity()));
    }

    @Test
    void rebuildGivesANewIdentityThatTheRouterSeesAfterReconnecting() {
        EmqpSocket dealer = connectedDealer();
        dealer.send(Message.withId(Command.INFORM, "before", "", "worker"));
        String before = receive(router).sender();

        dealer.rebuild();
        String after = dealer.identity();
        dealer.connect(endpoint);
        dealer.send(Message.withId(Command.INFORM, "after", "", "worker"));
        Message received = receive(router);

        assertThat(after).matches(UUID_TEXT).isNotEqualTo(before);
        assertThat(received.sender()).isEqualTo(after);
        assertThat(received.msgid()).isEqualTo("after");
        assertThat(router.send(after, Message.withId(Command.ACK, "ack-after"))).isTrue();
        assertThat(receive(dealer).msgid()).isEqualTo("ack-after");
        await().atMost(WITHIN).pollInterval(POLL_EVERY)
                .until(() -> !router.send(before, Message.withId(Command.HEARTBEAT, "to-the-old-one", "0")));
    }

    @Test
    void rebuildKeepsTheSocketOptions() {
        SocketOptions custom = new SocketOptions(Duration.ofMillis(20), 7, 9, 4096, Duration.ofMillis(300),
                Duration.ofMillis(600));
        EmqpSocket dealer = EmqpSocket.dealer(context, custom);

        assertOptions(dealer.zmqSocket(), custom);
        dealer.rebuild();
        assertOptions(dealer.zmqSocket(), custom);
    }

    @Test
    void disconnectStopsSendingToThatEndpointAndAnotherCanBeConnected() {
        EmqpSocket dealer = connectedDealer();
        dealer.send(Message.withId(Command.READY, "to-the-first"));
        assertThat(receive(router).msgid()).isEqualTo("to-the-first");
        EmqpSocket failover = EmqpSocket.router(context, options);
        String failoverEndpoint = failover.bind("tcp://127.0.0.1:*");

        dealer.disconnect(endpoint);
        await().atMost(WITHIN).pollInterval(POLL_EVERY).until(() -> !dealer.send(Message.of(Command.HEARTBEAT, "0")));
        dealer.connect(failoverEndpoint);
        dealer.send(Message.withId(Command.READY, "to-the-failover"));

        assertThat(receive(failover)).isEqualTo(Message.withId(Command.READY, "to-the-failover")
                .from(dealer.identity()));
    }

    @Test
    void aRouterRefusesToSendToAnUnknownIdentity() {
        assertThat(router.send("nobody", Message.of(Command.HEARTBEAT, "0"))).isFalse();

        EmqpSocket dealer = connectedDealer();
        dealer.send(Message.of(Command.READY));
        String known = receive(router).sender();
        assertThat(router.send("nobody", Message.of(Command.HEARTBEAT, "0"))).isFalse();
        assertThat(router.send(known, Message.of(Command.HEARTBEAT, "0"))).isTrue();
    }

    @Test
    void aDealerWithNowhereToSendRefusesWithoutBlocking() {
        EmqpSocket dealer = EmqpSocket.dealer(context, options);

        assertThat(dealer.send(Message.of(Command.READY))).isFalse();
    }

    @Test
    void aDealerRefusesOnceItsHighWaterMarkIsReached() {
        EmqpSocket dealer = EmqpSocket.dealer(context, options.withHighWaterMarks(2, 2));
        ZMQ.Socket silent = context.createSocket(SocketType.ROUTER);
        int port = silent.bindToRandomPort("tcp://127.0.0.1");
        silent.close();
        dealer.connect("tcp://127.0.0.1:" + port);

        int sent = 0;
        while (sent < 10_000 && dealer.send(Message.of(Command.READY))) {
            sent++;
        }

        assertThat(sent).isLessThan(10_000);
    }

    @Test
    void aRouterRefusesWithoutBlockingWhenAPeersQueueIsFull() {
        EmqpSocket smallRouter = EmqpSocket.router(context, options.withHighWaterMarks(2, 2));
        String smallEndpoint = smallRouter.bind("tcp://127.0.0.1:*");
        EmqpSocket dealer = EmqpSocket.dealer(context, options.withHighWaterMarks(2, 2));
        dealer.connect(smallEndpoint);
        dealer.send(Message.of(Command.READY));
        String peer = receive(smallRouter).sender();

        Message big = Message.withId(Command.HEARTBEAT, "h", "x".repeat(10_000));
        int sent = 0;
        while (sent < 1_000_000 && smallRouter.send(peer, big)) {
            sent++;
        }

        assertThat(sent).isLessThan(1_000_000);
        EmqpSocket other = EmqpSocket.dealer(context, options);
        other.connect(smallEndpoint);
        other.send(Message.of(Command.READY));
        String otherPeer = receive(smallRouter).sender();
        assertThat(smallRouter.send(otherPeer, Message.withId(Command.ACK, "to-the-other"))).isTrue();
        assertThat(receive(other).msgid()).isEqualTo("to-the-other");
        for (int i = 0; i < sent; i++) {
            assertThat(receive(dealer)).as("message %d of %d, whole after the refusal", i, sent).isEqualTo(big);
        }
        assertThat(dealer.receive()).isNull();
        assertThat(smallRouter.send(peer, Message.withId(Command.ACK, "after-reading"))).isTrue();
        assertThat(receive(dealer).msgid()).isEqualTo("after-reading");
    }

    @Test
    void sendingOnTheWrongSocketTypeIsAnError() {
        EmqpSocket dealer = EmqpSocket.dealer(context, options);

        assertThatThrownBy(() -> dealer.send("someone", Message.of(Command.READY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DEALER");
        assertThatThrownBy(() -> router.send(Message.of(Command.READY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ROUTER");
    }

    @Test
    void malformedFramesAreAProtocolExceptionAndTheNextMessageStillArrives() {
        ZMQ.Socket raw = context.createSocket(SocketType.DEALER);
        raw.setIdentity("raw".getBytes(StandardCharsets.UTF_8));
        raw.connect(endpoint);

        raw.send("garbage");
        raw.sendMore("");
        raw.send("eMQP/1.0");
        raw.sendMore("");
        raw.sendMore("eMQP/0.9");
        raw.sendMore("READY");
        raw.send("m-0");
        raw.sendMore("");
        raw.sendMore("eMQP/1.0");
        raw.sendMore("READY");
        raw.send("m-1");

        for (int i = 0; i < 3; i++) {
            awaitReadable(router);
            assertThat(catchThrowable(router::receive)).isInstanceOf(ProtocolException.class);
        }
        assertThat(receive(router)).isEqualTo(new Message("raw", "READY", "m-1", List.of()));
    }

    @Test
    void aMessageWithTooManyFramesIsConsumedAsAProtocolExceptionAndTheNextStillArrives() {
        ZMQ.Socket raw = context.createSocket(SocketType.DEALER);
        raw.setIdentity("raw".getBytes(StandardCharsets.UTF_8));
        raw.connect(endpoint);
        raw.sendMore("");
        raw.sendMore("eMQP/1.0");
        raw.sendMore("REQUEST");
        raw.sendMore("m-0");
        for (int i = 0; i < 10_000; i++) {
            raw.sendMore("frame");
        }
        raw.send("last");
        raw.sendMore("");
        raw.sendMore("eMQP/1.0");
        raw.sendMore("READY");
        raw.send("m-1");

        awaitReadable(router);
        assertThat(catchThrowable(router::receive)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("10006 frames, at most " + EmqpSocket.MAX_FRAMES);
        assertThat(receive(router)).isEqualTo(new Message("raw", "READY", "m-1", List.of()));
    }

    @Test
    void aPeerWithoutAnIdentityOfItsOwnCanBeAnswered() {
        for (int peer = 0; peer < 20; peer++) {
            ZMQ.Socket raw = context.createSocket(SocketType.DEALER);
            raw.connect(endpoint);
            raw.sendMore("");
            raw.sendMore("eMQP/1.0");
            raw.sendMore("INFORM");
            raw.sendMore("i-" + peer);
            raw.sendMore("");
            raw.send("scheduler");
            String sender = receive(router).sender();

            assertThat(router.send(sender, Message.withId(Command.ACK, "a-" + peer, "i-" + peer)))
                    .as("peer %d, identity %s", peer, sender).isTrue();
            await().atMost(WITHIN).pollInterval(POLL_EVERY).until(() -> raw.recv(ZMQ.DONTWAIT) != null);
            raw.close();
        }
    }

    @Test
    void aNonAsciiIdentityIsSeenByteForByteAndCanBeAnswered() {
        EmqpSocket dealer = EmqpSocket.dealer(context, options);
        dealer.setIdentity("w\u00e9");
        dealer.connect(endpoint);
        dealer.send(Message.of(Command.READY));

        String sender = receive(router).sender();

        assertThat(sender).isEqualTo(new String("w\u00e9".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1));
        assertThat(router.send(sender, Message.withId(Command.ACK, "a-1"))).isTrue();
        assertThat(receive(dealer).msgid()).isEqualTo("a-1");
    }

    @Test
    void aRouterRefusesAMsgidThatIsNotUtf8AndReadsOn() {
        ZMQ.Socket raw = context.createSocket(SocketType.DEALER);
        raw.connect(endpoint);
        raw.sendMore("");
        raw.sendMore("eMQP/1.0");
        raw.sendMore("READY");
        raw.send(new byte[] {(byte) 0xFF, (byte) 0xFE}, 0);
        raw.sendMore("");
        raw.sendMore("eMQP/1.0");
        raw.sendMore("READY");
        raw.send("r-1");

        awaitReadable(router);
        assertThat(catchThrowable(router::receive)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("msgid is not valid UTF-8");
        assertThat(receive(router).msgid()).isEqualTo("r-1");
    }

    @Test
    void aRouterForwardsBodyFramesThatAreNotUtf8ByteIdentical() {
        byte[] opaque = {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0xC3, 'x'};
        ZMQ.Socket raw = context.createSocket(SocketType.DEALER);
        raw.setIdentity("raw".getBytes(StandardCharsets.UTF_8));
        raw.connect(endpoint);
        raw.sendMore("");
        raw.sendMore("eMQP/1.0");
        raw.sendMore("REQUEST");
        raw.sendMore("m-1");
        raw.send(opaque, 0);

        Message received = receive(router);
        router.send(received.sender(), received);

        raw.setReceiveTimeOut((int) WITHIN.toMillis());
        for (String expected : List.of("", "eMQP/1.0", "REQUEST", "m-1")) {
            assertThat(raw.recvStr()).isEqualTo(expected);
        }
        assertThat(raw.recv()).isEqualTo(opaque);
    }

    @Test
    void aDealerThatReceivesGarbageThrowsProtocolExceptionAndGoesOn() {
        ZMQ.Socket raw = context.createSocket(SocketType.ROUTER);
        String rawEndpoint = "tcp://127.0.0.1:" + raw.bindToRandomPort("tcp://127.0.0.1");
        EmqpSocket dealer = EmqpSocket.dealer(context, options);
        dealer.setIdentity("d");
        dealer.connect(rawEndpoint);
        dealer.send(Message.of(Command.READY));
        await().atMost(WITHIN).pollInterval(POLL_EVERY).until(() -> raw.recv(ZMQ.DONTWAIT) != null);
        while (raw.hasReceiveMore()) {
            raw.recv();
        }

        raw.sendMore("d");
        raw.send("garbage");
        raw.sendMore("d");
        raw.sendMore("");
        raw.sendMore("eMQP/1.0");
        raw.sendMore("ACK");
        raw.send("a-1");

        awaitReadable(dealer);
        assertThat(catchThrowable(dealer::receive)).isInstanceOf(ProtocolException.class);
        assertThat(receive(dealer)).isEqualTo(Message.withId(Command.ACK, "a-1"));
    }

    @Test
    void receiveAnswersNullWhenNothingWaits() {
        assertThat(router.receive()).isNull();
        assertThat(connectedDealer().receive()).isNull();
    }

    @Test
    void bindingTwiceToTheSameEndpointIsAnIllegalArgument() {
        EmqpSocket other = EmqpSocket.router(context, options);

        assertThatThrownBy(() -> other.bind(endpoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(endpoint);
    }

    @Test
    void connectingToANonsenseEndpointIsAnIllegalArgument() {
        EmqpSocket dealer = EmqpSocket.dealer(context, options);

        assertThatThrownBy(() -> dealer.connect("nonsense")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonsense");
    }

    private EmqpSocket connectedDealer() {
        EmqpSocket dealer = EmqpSocket.dealer(context, options);
        dealer.connect(endpoint);
        return dealer;
    }

    private static void assertOptions(ZMQ.Socket socket, SocketOptions expected) {
        assertThat(socket.getLinger()).isEqualTo((int) expected.linger().toMillis());
        assertThat(socket.getSndHWM()).isEqualTo(expected.sendHighWaterMark());
        assertThat(socket.getRcvHWM()).isEqualTo(expected.receiveHighWaterMark());
        assertThat(socket.getMaxMsgSize()).isEqualTo(expected.maxMessageSize());
        assertThat(socket.getReconnectIVL()).isEqualTo((int) expected.reconnectInterval().toMillis());
        assertThat(socket.getHandshakeIvl()).isEqualTo((int) expected.handshakeInterval().toMillis());
    }
}
