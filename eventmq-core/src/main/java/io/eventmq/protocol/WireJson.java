package io.eventmq.protocol;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as the Python reference writes it ({@code json.dumps} defaults): {@code ", "} between items,
 * {@code ": "} after keys, everything outside printable ASCII escaped with lower-case hex digits, floating
 * point numbers as Python's {@code repr} ({@code 10000000.0}, {@code 1e-05}), and {@code NaN} /
 * {@code Infinity} as bare words. Reads any valid JSON, and those words, as Python does.
 */
public final class WireJson {

    /** The mapper behind this class, for callers that convert JSON to their own types. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .characterEscapes(new PythonEscapes())
                    .addDecorator((factory, generator) -> new PythonNumbers(generator))
                    .build())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
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

    /** Python's {@code ensure_ascii} escapes DEL too; {@code ESCAPE_NON_ASCII} covers what lies above it. */
    private static final class PythonEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private static final int DEL = 0x7F;

        private final int[] ascii = standardAsciiEscapesForJSON();

        PythonEscapes() {
            ascii[DEL] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    /** Finite floating-point numbers as Python writes them; {@code NaN} and {@code Infinity} as they are. */
    private static final class PythonNumbers extends JsonGeneratorDelegate {

        PythonNumbers(JsonGenerator generator) {
            super(generator);
        }

        @Override
        public JsonGenerator writeNumber(double value) {
            if (Double.isFinite(value)) {
                return writeNumber(PythonFloat.repr(value));
            }
            return super.writeNumber(value);
        }

        @Override
        public JsonGenerator writeNumber(float value) {
            if (Float.isFinite(value)) {
                return writeNumber(PythonFloat.repr(Double.parseDouble(Float.toString(value))));
            }
            return super.writeNumber(value);
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
