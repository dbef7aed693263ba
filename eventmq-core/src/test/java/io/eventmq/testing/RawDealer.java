package io.eventmq.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A plain DEALER playing a peer (worker, client, scheduler, admin) frame by frame, malformed frames included.
 * Received HEARTBEATs are counted and skipped by {@link #receive()}.
 */
public final class RawDealer implements AutoCloseable {

    /** How long {@link #receive()} waits for a message before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ZMQ.Socket socket;
    private final String identity;
    private int heartbeats;

    public RawDealer(ZContext context, String endpoint, String identity) {
        this.identity = identity;
        socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setHandshakeIvl(1000);
        socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
        socket.connect(endpoint);
    }

    public String identity() {
        return identity;
    }

    public void send(List<String> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** Sends {@code frames} as they are, any bytes. */
    public void sendBytes(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** Sends {@code "", "eMQP/1.0", command, msgid, body...}. */
    public void sendMessage(String command, String msgid, String... body) {
        List<String> frames = new ArrayList<>(List.of("", "eMQP/1.0", command, msgid));
        frames.addAll(List.of(body));
        send(frames);
    }

    /** Plays a worker joining: INFORM with {@code queues} (JSON, or "" for the default), ACK, one READY a slot. */
    public RawDealer joinAsWorker(String queues, int slots) {
        sendMessage("INFORM", "inform-" + identity, queues, "worker");
        List<String> ack = receive();
        assertThat(ack.get(2)).as("answer to the INFORM of %s", identity).isEqualTo("ACK");
        ready(slots);
        return this;
    }

    /** Sends {@code slots} READY. */
    public void ready(int slots) {
        for (int i = 0; i < slots; i++) {
            sendMessage("READY", "ready-" + identity + "-" + i);
        }
    }

    /** The next message, which must be {@code command}; fails the test otherwise or after {@link #PATIENCE}. */
    public List<String> receive(String command) {
        List<String> frames = receive();
        assertThat(frames.get(2)).as("command of %s to %s", frames, identity).isEqualTo(command);
        return frames;
    }

    /** The next message other than HEARTBEAT; fails the test after {@link #PATIENCE}. */
    public List<String> receive() {
        List<String> frames = poll(PATIENCE);
        assertThat(frames).as("a message for %s within %s", identity, PATIENCE).isNotNull();
        return frames;
    }

    /** The next message other than HEARTBEAT within {@code wait}, or {@code null}. */
    public List<String> poll(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> frames;
        while ((frames = read(deadline)) != null) {
            if (!isHeartbeat(frames)) {
                return frames;
            }
            heartbeats++;
        }
        return null;
    }

    /** The next message as sent, bytes, HEARTBEATs included; fails the test after {@link #PATIENCE}. */
    public List<byte[]> receiveBytes() {
        List<byte[]> frames = RawFrames.receiveBytes(socket, PATIENCE);
        assertThat(frames).as("a message for %s within %s", identity, PATIENCE).isNotNull();
        return frames;
    }

    /** HEARTBEATs skipped so far. */
    public int heartbeats() {
        return heartbeats;
    }

    /** The next message, which must be a HEARTBEAT; fails the test after {@link #PATIENCE}. */
    public List<String> receiveHeartbeat() {
        List<String> frames = read(System.nanoTime() + PATIENCE.toNanos());
        assertThat(frames).as("a HEARTBEAT for %s within %s", identity, PATIENCE).isNotNull();
        assertThat(isHeartbeat(frames)).as("%s is a HEARTBEAT", frames).isTrue();
        heartbeats++;
        return frames;
    }

    private static boolean isHeartbeat(List<String> frames) {
        return frames.size() > 2 && "HEARTBEAT".equals(frames.get(2));
    }

    private List<String> read(long deadline) {
        return RawFrames.receive(socket, Duration.ofNanos(deadline - System.nanoTime()));
    }

    @Override
    public void close() {
        socket.close();
    }
}
