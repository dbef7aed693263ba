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
        socket.setReceiveTimeOut((int) Math.max(1, timeout.toMillis()));
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<String> frames = new ArrayList<>();
        frames.add(new String(first, StandardCharsets.UTF_8));
        while (socket.hasReceiveMore()) {
            frames.add(new String(socket.recv(0), StandardCharsets.UTF_8));
        }
        return frames;
    }
}
