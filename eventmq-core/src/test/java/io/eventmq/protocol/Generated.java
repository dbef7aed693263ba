package io.eventmq.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random input for the generated tests. The seed comes from {@code -Deventmq.seed} or the clock; every test
 * puts it in its assertion messages so that a failure can be replayed with {@code -Deventmq.seed=<seed>}.
 */
final class Generated {

    static final int RUNS = 3_000;

    private static final String[] SAMPLES = {
        "", " ", "eMQP/1.0", "emqp/1.0", "eMQP/1.1", "INFORM", "ACK", "READY", "REQUEST", "REPLY", "HEARTBEAT",
        "DISCONNECT", "KBYE", "KBAI", "SCHEDULE", "UNSCHEDULE", "PUBLISH", "STATUS", "BOGUS", "null", "\u0000",
        "reply-requested", "[[10, \"default\"]]", "[\"run\", {}]", "\u00e9t\u00e9", "\ud83d\ude00", "\ud800",
        ",", ":", "\"", "\\", "\n",
    };

    final long seed;
    final Random random;

    Generated() {
        this.seed = Long.getLong("eventmq.seed", System.nanoTime());
        this.random = new Random(seed);
    }

    /** For assertion messages: the seed and the input that broke. */
    String describe(Object input) {
        return "seed " + seed + " (replay with -Deventmq.seed=" + seed + "), input " + input;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Any text: known protocol words, empty, ASCII, any UTF-16 unit (lone surrogates too), long. */
    String text() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> SAMPLES[random.nextInt(SAMPLES.length)];
            case 2 -> ascii(between(0, 12));
            case 3 -> unicode(between(0, 8));
            case 4 -> ascii(between(40, 300));
            default -> SAMPLES[random.nextInt(SAMPLES.length)] + unicode(between(0, 3));
        };
    }

    /** Text that is not empty. */
    String nonEmptyText() {
        String text = text();
        return text.isEmpty() ? "x" : text;
    }

    String ascii(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) between(0x20, 0x7E));
        }
        return text.toString();
    }

    String unicode(int length) {
        StringBuilder text = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) random.nextInt(0x80));
                case 1 -> text.append((char) between(0x80, 0x7FF));
                case 2 -> text.append((char) random.nextInt(0x10000));
                default -> text.appendCodePoint(between(0x10000, 0x10FFFF));
            }
        }
        return text.toString();
    }

    List<String> frames(int count) {
        List<String> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(text());
        }
        return frames;
    }
}
