package io.eventmq.protocol;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids in the reference's shape: random (version 4) UUID text. Uses a thread-local generator, not
 * {@link java.util.UUID#randomUUID()}'s SecureRandom: ids must be unique, not unguessable.
 */
public final class MessageIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MessageIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] text = new char[36];
        hex(high >>> 32, text, 0, 8);
        text[8] = '-';
        hex(high >>> 16, text, 9, 4);
        text[13] = '-';
        hex(high, text, 14, 4);
        text[18] = '-';
        hex(low >>> 48, text, 19, 4);
        text[23] = '-';
        hex(low, text, 24, 12);
        return new String(text);
    }

    private static void hex(long value, char[] text, int offset, int digits) {
        for (int i = offset + digits - 1; i >= offset; i--) {
            text[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
