package io.eventmq.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersCannotStartALine() {
        assertThat(LogText.of("m-1\nERROR forged\r\tx\u001b[31m\\"))
                .isEqualTo("m-1\\nERROR forged\\r\\tx\\u001b[31m\\\\");
    }

    @Test
    void nonAsciiIsEscaped() {
        assertThat(LogText.of("caf\u00e9 \u2028")).isEqualTo("caf\\u00e9 \\u2028");
    }

    @Test
    void longTextIsCutWithTheCountOfWhatWasLeftOut() {
        assertThat(LogText.of("x".repeat(LogText.LIMIT + 5))).isEqualTo("x".repeat(LogText.LIMIT) + "\u2026(5 more)");
    }

    @Test
    void printableIdentitiesStayTextBinaryOnesBecomeHex() {
        assertThat(LogText.identity("worker-1")).isEqualTo("worker-1");
        assertThat(LogText.identity("\u0000\u0080\u00ff\n")).isEqualTo("0x0080ff0a");
        assertThat(LogText.identity(null)).isEqualTo("null");
    }
}
