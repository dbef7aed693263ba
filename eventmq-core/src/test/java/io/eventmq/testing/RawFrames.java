package io.eventmq.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.ZMQ;

/** Reading whole messages from a plain ZeroMQ socket, frame by frame as text, for scripted peers in tests. */
public final class RawFrames {

    private RawFrames() {
    }

    /** The frames of the next message on {@code socket}; {@code null} when none came within {@code timeout}. */
    public static List<String> receive(ZMQ.Socket socket, Duration timeout) {
        List<byte[]> frames = receiveBytes(socket, timeout);
        if (frames == null) {
            return null;
        }
        List<String> texts = new ArrayList<>(frames.size());
        frames.forEach(frame -> texts.add(new String(frame, StandardCharsets.UTF_8)));
        return texts;
    }

    /** The frames of the next message on {@code socket} as sent; {@code null} when none came within {@code timeout}. */
    public static List<byte[]> receiveBytes(ZMQ.Socket socket, Duration timeout) {
        socket.setReceiveTimeOut((int) Math.max(1, timeout.toMillis()));
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }
}
