package io.eventmq.util;

import java.nio.charset.StandardCharsets;

/**
 * Peer text made fit for one log line: nothing a peer sends can start a line or hide in a terminal. Line
 * breaks and other control or non-ASCII characters are escaped, long text is cut.
 */
public final class LogText {

    /** Characters of peer text kept in a log line. */
    static final int LIMIT = 200;

    private LogText() {
    }

    /**
     * {@code text}, cut at {@link #LIMIT} characters, with line breaks, tabs and backslashes escaped as in
     * Java source and every other character outside printable ASCII as a {@code \\u} escape.
     */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        int kept = Math.min(text.length(), LIMIT);
        StringBuilder line = new StringBuilder(kept + 16);
        for (int i = 0; i < kept; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case '\\' -> line.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        if (text.length() > kept) {
            line.append("\u2026(").append(text.length() - kept).append(" more)");
        }
        return line.toString();
    }

    /**
     * A peer identity: as text when it is printable ASCII (the UUIDs peers use), else its bytes in hex, as
     * for the binary identities ZeroMQ makes up. A ROUTER holds identities one char per byte.
     */
    public static String identity(String id) {
        if (id == null) {
            return "null";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return hex(id);
            }
        }
        return of(id);
    }

    private static String hex(String id) {
        boolean oneCharPerByte = id.chars().allMatch(c -> c <= 0xff);
        byte[] bytes = id.getBytes(oneCharPerByte ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        int kept = Math.min(bytes.length, LIMIT / 2);
        StringBuilder line = new StringBuilder("0x");
        for (int i = 0; i < kept; i++) {
            line.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16))
                    .append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        if (bytes.length > kept) {
            line.append("\u2026(").append(bytes.length - kept).append(" more bytes)");
        }
        return line.toString();
    }
}
