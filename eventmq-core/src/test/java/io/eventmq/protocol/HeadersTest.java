package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

    private static final List<String> KNOWN_NAMES =
            List.of("reply-requested", "retry-count", "timeout", "guarantee", "nohaste", "run_count");

    @Test
    void parsesEveryKnownHeader() {
        Headers headers = Headers.parse("reply-requested,retry-count:3,timeout:30,guarantee,nohaste,run_count:7");

        assertThat(headers.replyRequested()).isTrue();
        assertThat(headers.retryCount()).isEqualTo(3);
        assertThat(headers.timeoutSeconds()).isEqualTo(30);
        assertThat(headers.guarantee()).isTrue();
        assertThat(headers.nohaste()).isTrue();
        assertThat(headers.runCount()).isEqualTo(7);
        assertThat(headers.unknown()).isEmpty();
        assertThat(headers.encode())
                .isEqualTo("reply-requested,retry-count:3,timeout:30,guarantee,nohaste,run_count:7");
    }

    @Test
    void eachKnownHeaderAloneSetsOnlyItsOwnField() {
        assertThat(Headers.parse("reply-requested")).isEqualTo(Headers.NONE.withReplyRequested(true));
        assertThat(Headers.parse("retry-count:2")).isEqualTo(Headers.NONE.withRetryCount(2));
        assertThat(Headers.parse("timeout:5")).isEqualTo(Headers.NONE.withTimeoutSeconds(5));
        assertThat(Headers.parse("guarantee")).isEqualTo(Headers.NONE.withGuarantee(true));
        assertThat(Headers.parse("nohaste")).isEqualTo(Headers.NONE.withNohaste(true));
        assertThat(Headers.parse("run_count:4")).isEqualTo(Headers.NONE.withRunCount(4));
    }

    @Test
    void anEmptyFrameIsNone() {
        assertThat(Headers.parse("")).isSameAs(Headers.NONE);
        assertThat(Headers.parse(" , ,")).isEqualTo(Headers.NONE);
        assertThat(Headers.NONE.encode()).isEmpty();
        assertThat(Headers.NONE.toString()).isEmpty();
    }

    @Test
    void unknownHeadersAreKeptInOrderAfterTheKnownOnes() {
        Headers headers = Headers.parse("x-trace:abc,reply-requested, later ,timeout:0");

        assertThat(headers.unknown()).containsExactly("x-trace:abc", "later");
        assertThat(headers).isEqualTo(new Headers(true, 0, 0, false, false, 0, List.of("x-trace:abc", "later")));
        assertThat(headers.encode()).isEqualTo("reply-requested,x-trace:abc,later");
    }

    @Test
    void spacesAroundHeadersAndValuesAreIgnored() {
        assertThat(Headers.parse(" reply-requested , timeout: 5 ,retry-count:1 "))
                .isEqualTo(Headers.NONE.withReplyRequested(true).withTimeoutSeconds(5).withRetryCount(1));
    }

    @Test
    void zeroValuesAreLeftOutWhenEncoding() {
        assertThat(Headers.parse("retry-count:0,timeout:0,run_count:0")).isEqualTo(Headers.NONE);
        assertThat(Headers.NONE.withRetryCount(0).encode()).isEmpty();
    }

    @Test
    void theLargestWholeNumberIsAccepted() {
        assertThat(Headers.parse("timeout:2147483647").timeoutSeconds()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "retry-count:abc | retry-count",
        "retry-count:-1  | retry-count",
        "retry-count     | retry-count",
        "timeout:        | timeout",
        "timeout:1.5     | timeout",
        "timeout:2147483648 | timeout",
        "timeout:99999999999999999999 | timeout",
        "run_count:x     | run_count",
        "run_count       | run_count",
        "reply-requested,run_count:-3 | run_count",
    })
    void aBadNumberIsAProtocolExceptionNamingTheHeader(String frame, String name) {
        assertThatThrownBy(() -> Headers.parse(frame)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE})
    void aNegativeValueCannotBeBuilt(int value) {
        assertThatThrownBy(() -> Headers.NONE.withRetryCount(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retry-count");
        assertThatThrownBy(() -> Headers.NONE.withTimeoutSeconds(value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> Headers.NONE.withRunCount(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run_count");
    }

    @Test
    void withersChangeOneFieldAndKeepTheOthers() {
        Headers all = new Headers(true, 1, 2, true, true, 3, List.of("x"));

        assertThat(all.withReplyRequested(false)).isEqualTo(new Headers(false, 1, 2, true, true, 3, List.of("x")));
        assertThat(all.withRetryCount(9)).isEqualTo(new Headers(true, 9, 2, true, true, 3, List.of("x")));
        assertThat(all.withTimeoutSeconds(9)).isEqualTo(new Headers(true, 1, 9, true, true, 3, List.of("x")));
        assertThat(all.withGuarantee(false)).isEqualTo(new Headers(true, 1, 2, false, true, 3, List.of("x")));
        assertThat(all.withNohaste(false)).isEqualTo(new Headers(true, 1, 2, true, false, 3, List.of("x")));
        assertThat(all.withRunCount(9)).isEqualTo(new Headers(true, 1, 2, true, true, 9, List.of("x")));
    }

    @Test
    void theUnknownListCannotBeChangedFromOutside() {
        List<String> unknown = new ArrayList<>(List.of("a"));
        Headers headers = new Headers(false, 0, 0, false, false, 0, unknown);
        unknown.add("b");

        assertThat(headers.unknown()).containsExactly("a");
        assertThatThrownBy(() -> headers.unknown().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void randomHeaderFramesOnlyEverThrowProtocolExceptionsThatNameAKnownHeader() {
        Generated generated = new Generated();
        List<String> pieces = List.of("reply-requested", "retry-count", "timeout", "guarantee", "nohaste",
                "run_count", ":", ",", " ", "-", "1", "0", "99999999999", "+", "x", "\u00e9", "\ud800", ":2");
        int failures = 0;
        for (int run = 0; run < Generated.RUNS * 3; run++) {
            StringBuilder frame = new StringBuilder();
            int size = generated.between(0, 10);
            for (int i = 0; i < size; i++) {
                frame.append(generated.chance(85) ? generated.oneOf(pieces) : generated.text());
            }
            Throwable thrown = catchThrowable(() -> Headers.parse(frame.toString()));
            if (thrown != null) {
                failures++;
                assertThat(thrown).as(generated.describe(frame)).isInstanceOf(ProtocolException.class);
                assertThat(KNOWN_NAMES).as(generated.describe(frame)).anyMatch(thrown.getMessage()::contains);
            }
        }
        assertThat(failures).as(generated.describe("all runs")).isPositive();
    }

    @Test
    void parseOfEncodeIsIdentityOnRandomHeaders() {
        Generated generated = new Generated();
        for (int run = 0; run < Generated.RUNS; run++) {
            List<String> unknown = new ArrayList<>();
            int size = generated.between(0, 3);
            for (int i = 0; i < size; i++) {
                unknown.add(unknownHeader(generated));
            }
            Headers headers = new Headers(generated.chance(50), number(generated), number(generated),
                    generated.chance(50), generated.chance(50), number(generated), unknown);

            assertThat(Headers.parse(headers.encode())).as(generated.describe(headers.encode())).isEqualTo(headers);
        }
    }

    private static int number(Generated generated) {
        return switch (generated.between(0, 3)) {
            case 0 -> 0;
            case 1 -> generated.between(1, 100);
            case 2 -> Integer.MAX_VALUE;
            default -> generated.random.nextInt(Integer.MAX_VALUE);
        };
    }

    /** A header that is none of the known ones, with no comma and no space around it. */
    private static String unknownHeader(Generated generated) {
        while (true) {
            String header = generated.text().replace(",", "").trim();
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon);
            if (!header.isEmpty() && header.equals(header.trim()) && !KNOWN_NAMES.contains(name)) {
                return header;
            }
        }
    }
}
