package io.eventmq.transport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import io.eventmq.protocol.ProtocolException;

/**
 * Between the frames a ROUTER {@link EmqpSocket} holds, one char per byte so that payloads pass unchanged, and
 * the UTF-8 text the protocol requires where the router reads or writes text (queue names, its own JSON).
 */
public final class FrameText {

    private FrameText() {
    }

    /**
     * The text a frame a ROUTER received carries.
     *
     * @throws ProtocolException when the frame is not valid UTF-8; {@code what} names the frame
     */
    public static String decode(String frame, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(what + " is not valid UTF-8");
        }
    }

    /** {@code text} as a frame a ROUTER sends: its UTF-8 bytes, one char each. */
    public static String encode(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Whether every char of {@code frame} is one byte: ASCII frames need no decoding. */
    static boolean isAscii(String frame) {
        for (int i = 0; i < frame.length(); i++) {
            if (frame.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
