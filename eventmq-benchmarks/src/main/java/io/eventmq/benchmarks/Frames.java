package io.eventmq.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The baseline's raw frames: eMQP's constants as bytes, and multipart receive into {@code byte[][]}. */
final class Frames {

    static final byte[] EMPTY = new byte[0];
    static final byte[] VERSION = ascii("eMQP/1.0");
    static final byte[] REQUEST = ascii("REQUEST");
    static final byte[] REPLY = ascii("REPLY");
    static final byte[] READY = ascii("READY");
    /** What the baseline worker's no-op job returns: its argument, as eMQP's REPLY result. */
    static final byte[] RESULT = ascii("{\"value\": [12345678901]}");

    private Frames() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A socket for the baseline. Linger 0: every benchmark drains its jobs before it closes anything.
     * Connecting sockets get a 1 s handshake interval (JeroMQ 0.6.0 sometimes never starts a handshake).
     */
    static ZMQ.Socket socket(ZContext context, SocketType type) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        if (type == SocketType.DEALER) {
            socket.setHandshakeIvl(1000);
        }
        return socket;
    }

    /** Receives one multipart message if one is waiting, else returns {@code null}. */
    static byte[][] receive(ZMQ.Socket socket, int expected) {
        return receive(socket, expected, ZMQ.DONTWAIT);
    }

    /**
     * Receives one multipart message.
     *
     * @param expected the usual number of frames, to size the array
     * @param flags    {@link ZMQ#DONTWAIT}, or 0 to wait up to the socket's receive timeout
     * @return the frames, {@code null} when nothing came
     */
    static byte[][] receive(ZMQ.Socket socket, int expected, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        byte[][] frames = new byte[expected][];
        frames[0] = first;
        int count = 1;
        while (socket.hasReceiveMore()) {
            if (count == frames.length) {
                frames = Arrays.copyOf(frames, count * 2);
            }
            frames[count++] = socket.recv(0);
        }
        return count == frames.length ? frames : Arrays.copyOf(frames, count);
    }

    static boolean is(byte[][] frames, int index, byte[] value) {
        return frames.length > index && Arrays.equals(frames[index], value);
    }
}
