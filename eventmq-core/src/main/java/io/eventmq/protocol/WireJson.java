package io.eventmq.protocol;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as the Python reference writes it ({@code json.dumps} defaults): {@code ", "} between items,
 * {@code ": "} after keys, non-ASCII escaped. Reads any valid JSON.
 */
public final class WireJson {

    /** The mapper behind this class, for callers that convert JSON to their own types. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer().with(new PythonPrettyPrinter());

    private WireJson() {
    }

    /** {@code value} as the reference would write it. */
    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new ProtocolException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Parses {@code text}; invalid JSON is a {@link ProtocolException} naming {@code what}. */
    public static JsonNode read(String what, String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new ProtocolException(what + " is not valid JSON: \"" + Codec.abbreviate(text) + "\"", e);
        }
    }

    private static final class PythonPrettyPrinter extends MinimalPrettyPrinter {

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(", ");
        }
    }
}
