package io.eventmq.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code headers} frame of REQUEST and SCHEDULE: a comma-separated list, empty when none.
 * Known headers get typed access; unknown ones are kept (and ignored by everything here).
 *
 * @param replyRequested {@code reply-requested}: send a REPLY with the job's return value
 * @param retryCount     {@code retry-count:N}: re-run a failing job up to N times (0 = not at all)
 * @param timeoutSeconds {@code timeout:N}: give up on the job after N seconds (0 = never)
 * @param guarantee      {@code guarantee}: best effort to complete
 * @param nohaste        {@code nohaste}: a schedule waits one interval before its first run
 * @param runCount       {@code run_count:N}: run a schedule N times, then drop it (0 = without end)
 * @param unknown        headers not known here, as sent
 */
public record Headers(boolean replyRequested, int retryCount, int timeoutSeconds, boolean guarantee,
                      boolean nohaste, int runCount, List<String> unknown) {

    public static final Headers NONE = new Headers(false, 0, 0, false, false, 0, List.of());

    static final String REPLY_REQUESTED = "reply-requested";
    static final String RETRY_COUNT = "retry-count";
    static final String TIMEOUT = "timeout";
    static final String GUARANTEE = "guarantee";
    static final String NOHASTE = "nohaste";
    static final String RUN_COUNT = "run_count";

    /** What {@link #parse} returns for the frame every {@code Client.request} without other headers sends. */
    private static final Headers ONLY_REPLY_REQUESTED = NONE.withReplyRequested(true);

    public Headers {
        requireNotNegative(RETRY_COUNT, retryCount);
        requireNotNegative(TIMEOUT, timeoutSeconds);
        requireNotNegative(RUN_COUNT, runCount);
        unknown = List.copyOf(unknown);
    }

    public Headers withReplyRequested(boolean value) {
        return new Headers(value, retryCount, timeoutSeconds, guarantee, nohaste, runCount, unknown);
    }

    public Headers withRetryCount(int value) {
        return new Headers(replyRequested, value, timeoutSeconds, guarantee, nohaste, runCount, unknown);
    }

    public Headers withTimeoutSeconds(int value) {
        return new Headers(replyRequested, retryCount, value, guarantee, nohaste, runCount, unknown);
    }

    public Headers withGuarantee(boolean value) {
        return new Headers(replyRequested, retryCount, timeoutSeconds, value, nohaste, runCount, unknown);
    }

    public Headers withNohaste(boolean value) {
        return new Headers(replyRequested, retryCount, timeoutSeconds, guarantee, value, runCount, unknown);
    }

    public Headers withRunCount(int value) {
        return new Headers(replyRequested, retryCount, timeoutSeconds, guarantee, nohaste, value, unknown);
    }

    /**
     * Parses a headers frame; a known header with a bad value is a {@link ProtocolException}. Known headers
     * are matched in place: only an unknown header becomes a new string.
     */
    public static Headers parse(String frame) {
        if (frame.isEmpty()) {
            return NONE;
        }
        if (frame.equals(REPLY_REQUESTED)) {
            return ONLY_REPLY_REQUESTED;
        }
        boolean replyRequested = false;
        boolean guarantee = false;
        boolean nohaste = false;
        int retryCount = 0;
        int timeout = 0;
        int runCount = 0;
        List<String> unknown = null;
        int start = 0;
        while (start <= frame.length()) {
            int end = frame.indexOf(',', start);
            if (end < 0) {
                end = frame.length();
            }
            int from = start;
            int to = end;
            start = end + 1;
            while (from < to && frame.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && frame.charAt(to - 1) <= ' ') {
                to--;
            }
            if (from == to) {
                continue;
            }
            int colon = frame.indexOf(':', from);
            int nameEnd = colon < 0 || colon >= to ? to : colon;
            int valueStart = nameEnd == to ? -1 : nameEnd + 1;
            if (is(frame, from, nameEnd, REPLY_REQUESTED)) {
                replyRequested = true;
            } else if (is(frame, from, nameEnd, GUARANTEE)) {
                guarantee = true;
            } else if (is(frame, from, nameEnd, NOHASTE)) {
                nohaste = true;
            } else if (is(frame, from, nameEnd, RETRY_COUNT)) {
                retryCount = number(frame, from, valueStart, to);
            } else if (is(frame, from, nameEnd, TIMEOUT)) {
                timeout = number(frame, from, valueStart, to);
            } else if (is(frame, from, nameEnd, RUN_COUNT)) {
                runCount = number(frame, from, valueStart, to);
            } else {
                if (unknown == null) {
                    unknown = new ArrayList<>(2);
                }
                unknown.add(frame.substring(from, to));
            }
        }
        return new Headers(replyRequested, retryCount, timeout, guarantee, nohaste, runCount,
                unknown == null ? List.of() : unknown);
    }

    /** Whether {@code frame}'s characters {@code from} to {@code to} are exactly {@code name}. */
    private static boolean is(String frame, int from, int to, String name) {
        return to - from == name.length() && frame.startsWith(name, from);
    }

    /** The headers frame; known headers first in a fixed order, then the unknown ones as they came. */
    public String encode() {
        StringBuilder frame = new StringBuilder();
        if (replyRequested) {
            append(frame, REPLY_REQUESTED);
        }
        if (retryCount > 0) {
            append(frame, RETRY_COUNT + ":" + retryCount);
        }
        if (timeoutSeconds > 0) {
            append(frame, TIMEOUT + ":" + timeoutSeconds);
        }
        if (guarantee) {
            append(frame, GUARANTEE);
        }
        if (nohaste) {
            append(frame, NOHASTE);
        }
        if (runCount > 0) {
            append(frame, RUN_COUNT + ":" + runCount);
        }
        unknown.forEach(header -> append(frame, header));
        return frame.toString();
    }

    @Override
    public String toString() {
        return encode();
    }

    private static void append(StringBuilder frame, String header) {
        if (!frame.isEmpty()) {
            frame.append(',');
        }
        frame.append(header);
    }

    /** The value of the header {@code frame[from, to)} whose value starts at {@code valueStart} (-1: none). */
    private static int number(String frame, int from, int valueStart, int to) {
        if (valueStart < 0) {
            String header = frame.substring(from, to);
            throw new ProtocolException("header \"" + header + "\" needs a value: " + header + ":N");
        }
        int begin = valueStart;
        while (begin < to && frame.charAt(begin) <= ' ') {
            begin++;
        }
        try {
            int number = Integer.parseInt(frame, begin, to, 10);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the header's name
        }
        throw new ProtocolException("header \"" + Codec.abbreviate(frame.substring(from, to))
                + "\" needs a whole number of 0 or more");
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, was " + value);
        }
    }
}
