package io.eventmq.testing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, reproducible source of random frame lists as a DEALER sends them to one target socket: garbage,
 * broken envelopes, unknown commands, the target's commands with too few frames or beyond the frame cap, and
 * the target's commands with well-formed frame counts but random content (garbage JSON, invalid UTF-8,
 * newlines in msgids). Each list says whether the target must certainly refuse it as invalid.
 */
public final class FuzzFrames {

    /** How many fuzzed messages a test sends per target: issue 14's 100,000 unless {@code -Deventmq.fuzz.count=N}. */
    public static final int COUNT = Integer.getInteger("eventmq.fuzz.count", 100_000);
    /** The seed; {@code -Deventmq.fuzz.seed=N} replays another run. */
    public static final long SEED = Long.getLong("eventmq.fuzz.seed", 14L);

    private static final byte[] VERSION = "eMQP/1.0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> ALL_COMMANDS = List.of("INFORM", "ACK", "READY", "REQUEST", "REPLY",
            "HEARTBEAT", "DISCONNECT", "KBYE", "KBAI", "SCHEDULE", "UNSCHEDULE", "PUBLISH", "STATUS", "HELLO",
            "ROUTER_SHOW_WORKERS", "ROUTER_SHOW_SCHEDULERS");
    /** One fuzzed message. */
    public record Fuzzed(List<byte[]> frames, boolean certainlyInvalid) {
    }

    /**
     * The socket fuzzed.
     *
     * @param accepted   the commands it accepts, each with the body frames it needs at least; every other command
     *                   in the protocol is certainly invalid there
     * @param avoided    commands never sent, as they would end the conversation (DISCONNECT, KBYE to a worker)
     * @param strictText whether it refuses a msgid or REQUEST queue that is not UTF-8, as a router does
     * @param frameCap   the most frames it takes as the sender writes them: 64, less the identity on a ROUTER
     */
    public record Target(Map<String, Integer> accepted, Set<String> avoided, boolean strictText, int frameCap) {

        /** A router socket: strict text, 63 frames from a DEALER (64 with the identity it adds). */
        public static Target router(Map<String, Integer> accepted, Set<String> avoided) {
            return new Target(accepted, avoided, true, 63);
        }

        /** A worker's DEALER socket: 64 frames from the router. */
        public static Target dealer(Map<String, Integer> accepted, Set<String> avoided) {
            return new Target(accepted, avoided, false, 64);
        }
    }

    private final Random random;
    private final Map<String, Integer> accepted;
    private final List<String> commands;
    private final List<String> foreign;
    private final boolean strictText;
    private final int frameCap;

    public FuzzFrames(long seed, Target target) {
        this.random = new Random(seed);
        this.accepted = target.accepted();
        this.commands = accepted.keySet().stream().sorted().toList();
        this.foreign = ALL_COMMANDS.stream().filter(c -> !accepted.containsKey(c) && !target.avoided().contains(c))
                .toList();
        this.strictText = target.strictText();
        this.frameCap = target.frameCap();
    }

    /** The next message: certainly invalid when {@code onlyInvalid}, else any kind. */
    public Fuzzed next(boolean onlyInvalid) {
        int kind = random.nextInt(onlyInvalid ? 6 : 10);
        return switch (kind) {
            case 0 -> new Fuzzed(garbage(), true);
            case 1 -> new Fuzzed(brokenEnvelope(), true);
            case 2 -> new Fuzzed(overTheCap(), true);
            case 3 -> new Fuzzed(message(unknownCommand(), randomBody(random.nextInt(4))), true);
            case 4 -> new Fuzzed(foreignCommand(), true);
            case 5 -> tooFewFrames();
            default -> wellFormed();
        };
    }

    private List<byte[]> garbage() {
        List<byte[]> frames = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            frames.add(bytes());
        }
        if (frames.size() > 1 && frames.get(1).length == VERSION.length) {
            frames.set(1, new byte[] {0});
        }
        frames.set(0, nonEmpty(frames.get(0)));
        return frames;
    }

    private List<byte[]> brokenEnvelope() {
        List<byte[]> frames = message(command(), randomBody(random.nextInt(6)));
        switch (random.nextInt(4)) {
            case 0 -> frames.set(0, nonEmpty(bytes()));
            case 1 -> frames.set(1, random.nextBoolean() ? "eMQP/0.9".getBytes(StandardCharsets.US_ASCII)
                    : new byte[] {(byte) 0xff, 'e'});
            case 2 -> frames.set(2, new byte[0]);
            default -> {
                return new ArrayList<>(frames.subList(0, 1 + random.nextInt(3)));
            }
        }
        return frames;
    }

    private List<byte[]> overTheCap() {
        int count = frameCap - 4 + 1 + random.nextInt(random.nextBoolean() ? 3 : 200);
        List<byte[]> body = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            body.add(random.nextInt(count) == 0 ? bytes() : new byte[random.nextInt(3)]);
        }
        return message(command(), body);
    }

    private String unknownCommand() {
        return random.nextBoolean() ? "X" + text(1 + random.nextInt(12)) : "NOPE";
    }

    private List<byte[]> foreignCommand() {
        return message(foreign.get(random.nextInt(foreign.size())), randomBody(random.nextInt(6)));
    }

    private Fuzzed tooFewFrames() {
        List<String> needing = commands.stream().filter(c -> accepted.get(c) > 0).toList();
        if (needing.isEmpty()) {
            return new Fuzzed(garbage(), true);
        }
        String command = needing.get(random.nextInt(needing.size()));
        return new Fuzzed(message(command, randomBody(random.nextInt(accepted.get(command)))), true);
    }

    private Fuzzed wellFormed() {
        String command = command();
        int needed = accepted.get(command);
        List<byte[]> body = randomBody(switch (random.nextInt(8)) {
            case 0 -> needed + random.nextInt(3);
            case 1 -> Math.max(needed, frameCap - 4 - random.nextInt(2));
            default -> needed;
        });
        if (command.equals("INFORM") && body.size() >= 2) {
            body.set(0, utf8(queues()));
            body.set(1, utf8(random.nextInt(4) == 0 ? text(6) : random.nextBoolean() ? "worker" : "scheduler"));
        }
        if ((command.equals("REQUEST") || command.equals("SCHEDULE")) && random.nextBoolean()) {
            body.set(0, utf8(random.nextBoolean() ? "default" : text(random.nextInt(20))));
            body.set(1, utf8(random.nextBoolean() ? "reply-requested" : "reply-requested,timeout:" + text(3)));
        }
        List<byte[]> frames = message(command, body);
        boolean notText = !isUtf8(frames.get(3)) || command.equals("REQUEST") && !isUtf8(body.get(0));
        return new Fuzzed(frames, strictText && notText);
    }

    /** The queues frame of an INFORM: valid, valid-looking with garbage inside, or not JSON at all. */
    private String queues() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "[[10, \"" + text(random.nextInt(12)) + "\"]]";
            case 2 -> "[[\"ten\", \"default\"]]";
            case 3 -> "[[10, \"default\"" + text(random.nextInt(8));
            case 4 -> "{\"queues\": " + text(8) + "}";
            default -> "[[" + random.nextInt() + ", " + random.nextInt() + "], [1]]";
        };
    }

    private String command() {
        return commands.get(random.nextInt(commands.size()));
    }

    private List<byte[]> message(String command, List<byte[]> body) {
        List<byte[]> frames = new ArrayList<>(4 + body.size());
        frames.add(new byte[0]);
        frames.add(VERSION);
        frames.add(utf8(command));
        frames.add(msgid());
        frames.addAll(body);
        return frames;
    }

    private byte[] msgid() {
        return switch (random.nextInt(4)) {
            case 0 -> utf8("m-" + random.nextInt() + "\nERROR forged line\r\n");
            case 1 -> bytes();
            default -> utf8("m-" + Long.toHexString(random.nextLong()));
        };
    }

    private List<byte[]> randomBody(int count) {
        List<byte[]> body = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            body.add(bytes());
        }
        return body;
    }

    /** Empty, short text with line breaks, invalid UTF-8, or up to a few KB of random bytes. */
    private byte[] bytes() {
        int size = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1, 2 -> random.nextInt(40);
            default -> random.nextInt(4096);
        };
        if (size > 0 && random.nextBoolean()) {
            return utf8(text(size));
        }
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Text with letters, quotes, brackets, line breaks and non-ASCII characters. */
    private String text(int length) {
        String alphabet = "abcXYZ019 \"[]{},:\\\n\r\t\u00e9\u2603";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static boolean isUtf8(byte[] frame) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(frame));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] nonEmpty(byte[] frame) {
        return frame.length == 0 ? new byte[] {'x'} : frame;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
