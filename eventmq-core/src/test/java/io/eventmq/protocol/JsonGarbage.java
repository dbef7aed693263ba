package io.eventmq.protocol;

import java.util.List;

/** Random text built from JSON's own tokens, so that it is often nearly valid. */
final class JsonGarbage {

    private static final List<String> TOKENS = List.of("[", "]", "[", "]", "{", "}", ",", ", ", ":", "\"", "10",
            "-1", "0", "1.5", "1e400", "2147483648", "true", "null", "NaN", "\"default\"", "\"run\"",
            "\"path\"", "\"callable\"", "\"args\"", "\"kwargs\"", "\"class_args\"", "\"class_kwargs\"", "\"x\"",
            " ", "\\", "\"\\u00e9\"", "\"\\ud800\"", "[10, \"a\"]", "[\"run\", {", "}]");

    private JsonGarbage() {
    }

    static String next(Generated generated) {
        StringBuilder text = new StringBuilder();
        int size = generated.between(0, 16);
        for (int i = 0; i < size; i++) {
            text.append(generated.chance(90) ? generated.oneOf(TOKENS) : generated.text());
        }
        return text.toString();
    }
}
