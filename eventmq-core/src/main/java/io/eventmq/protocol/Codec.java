package io.eventmq.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Frames to messages and back, for both envelopes: as a DEALER sends and receives them
 * ({@code "", "eMQP/1.0", COMMAND, MSGID, body...}) and as a ROUTER does (the peer's identity in front).
 */
public final class Codec {

    public static final String VERSION = "eMQP/1.0";

    private static final int DEALER_HEADER_FRAMES = 4;

    private Codec() {
    }

    /** Decodes frames received on a DEALER. */
    public static Message decodeDealer(List<String> frames) {
        return decode(null, frames, 0);
    }

    /** Decodes frames received on a ROUTER: the first frame is the sender's identity. */
    public static Message decodeRouter(List<String> frames) {
        if (frames.isEmpty()) {
            throw new ProtocolException("empty message");
        }
        return decode(frames.get(0), frames, 1);
    }

    private static Message decode(String sender, List<String> frames, int start) {
        int size = frames.size() - start;
        if (size < DEALER_HEADER_FRAMES) {
            throw new ProtocolException("message has " + size + " frames after the envelope, at least "
                    + DEALER_HEADER_FRAMES + " needed (\"\", version, command, msgid)");
        }
        String delimiter = frames.get(start);
        if (delimiter == null || !delimiter.isEmpty()) {
            throw new ProtocolException("first frame must be empty, was \"" + abbreviate(delimiter) + "\"");
        }
        String version = frames.get(start + 1);
        if (!VERSION.equals(version)) {
            throw new ProtocolException("unsupported protocol version \"" + abbreviate(version) + "\"");
        }
        String command = frames.get(start + 2);
        if (command == null || command.isEmpty()) {
            throw new ProtocolException("empty command frame");
        }
        String msgid = frames.get(start + 3);
        if (msgid == null) {
            throw new ProtocolException("missing msgid");
        }
        int from = start + DEALER_HEADER_FRAMES;
        for (int i = from; i < frames.size(); i++) {
            if (frames.get(i) == null) {
                throw new ProtocolException(command + " " + msgid + " has a null body frame");
            }
        }
        return new Message(sender, command, msgid, body(frames, from));
    }

    /** The frames from {@code from} on as an immutable list, copied once (a sublist's copy would copy twice). */
    private static List<String> body(List<String> frames, int from) {
        return switch (frames.size() - from) {
            case 0 -> List.of();
            case 1 -> List.of(frames.get(from));
            case 2 -> List.of(frames.get(from), frames.get(from + 1));
            case 3 -> List.of(frames.get(from), frames.get(from + 1), frames.get(from + 2));
            case 4 -> List.of(frames.get(from), frames.get(from + 1), frames.get(from + 2), frames.get(from + 3));
            case 5 -> List.of(frames.get(from), frames.get(from + 1), frames.get(from + 2), frames.get(from + 3),
                    frames.get(from + 4));
            default -> List.copyOf(frames.subList(from, frames.size()));
        };
    }

    /** The frames a DEALER sends for {@code message}. */
    public static List<String> encodeDealer(Message message) {
        List<String> frames = new ArrayList<>(DEALER_HEADER_FRAMES + message.body().size());
        appendEnvelope(frames, message);
        return frames;
    }

    /** The frames a ROUTER sends to deliver {@code message} to {@code recipient}. */
    public static List<String> encodeRouter(String recipient, Message message) {
        List<String> frames = new ArrayList<>(1 + DEALER_HEADER_FRAMES + message.body().size());
        frames.add(recipient);
        appendEnvelope(frames, message);
        return frames;
    }

    private static void appendEnvelope(List<String> frames, Message message) {
        frames.add("");
        frames.add(VERSION);
        frames.add(message.commandName());
        frames.add(message.msgid());
        for (String frame : message.body()) {
            frames.add(frame);
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
