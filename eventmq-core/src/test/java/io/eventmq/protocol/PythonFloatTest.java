package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts come from CPython's repr (python-float-repr.txt: 4000 doubles, edge cases and random bits). */
class PythonFloatTest {

    @ParameterizedTest
    @CsvSource({
        "0.0, 0.0", "-0.0, -0.0", "1.0, 1.0", "0.1, 0.1", "100.0, 100.0", "1.0E7, 10000000.0",
        "1.23456789E7, 12345678.9", "1.0E15, 1000000000000000.0", "1.0E16, 1e+16", "1.5E16, 1.5e+16",
        "1.0E-4, 0.0001", "1.2E-4, 0.00012", "1.0E-5, 1e-05", "4.9E-324, 5e-324", "1.0E23, 1e+23",
        "1.7976931348623157E308, 1.7976931348623157e+308", "1.7958785917025638E9, 1795878591.7025638",
        "2.82879384806159E17, 2.82879384806159e+17", "-2.5E-7, -2.5e-07",
    })
    void writesLikePython(double value, String python) {
        assertThat(PythonFloat.repr(value)).isEqualTo(python);
    }

    @Test
    void agreesWithCPythonOnEveryRecordedDouble() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/python-float-repr.txt"), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, space), 16));
                String python = line.substring(space + 1);
                count++;
                if (!PythonFloat.repr(value).equals(python)) {
                    mismatches.add(python + " written as " + PythonFloat.repr(value));
                }
            }
        }
        assertThat(count).isEqualTo(4000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyRandomDoubleReadsBackTheSame() {
        Generated generated = new Generated();
        for (int run = 0; run < Generated.RUNS; run++) {
            double value = Double.longBitsToDouble(generated.random.nextLong());
            if (Double.isFinite(value)) {
                String text = PythonFloat.repr(value);
                assertThat(Double.parseDouble(text)).as(generated.describe(text)).isEqualTo(value);
                assertThat(WireJson.read("number", text).doubleValue()).as(generated.describe(text))
                        .isEqualTo(value);
            }
        }
    }

    @Test
    void jsonIsWrittenWithPythonsNumbers() {
        assertThat(WireJson.write(List.of(1.0E7, 1.0E-5, 0.5, 3, 1.0E16)))
                .isEqualTo("[10000000.0, 1e-05, 0.5, 3, 1e+16]");
        assertThat(JobPayload.of("jobs", "at", List.of(1.7958785917025638E9), null).encode())
                .contains("\"args\": [1795878591.7025638]");
    }
}
