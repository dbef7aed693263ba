package io.eventmq.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids in the reference's shape: random (version 4) UUID text. Uses a thread-local generator, not
 * {@link java.util.UUID#randomUUID()}'s SecureRandom: ids must be unique, not unguessable.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** {@link UUID#toString()} writes the text straight into the String's bytes, with no array copied. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
