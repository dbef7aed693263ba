package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JobPayloadTest {

    private static final String ECHO = "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", \"args\": [1], "
            + "\"kwargs\": {}, \"class_args\": [], \"class_kwargs\": {}}]";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void parsesAndEncodesTheReferenceShape() {
        JobPayload payload = JobPayload.parse(ECHO);

        assertThat(payload.path()).isEqualTo("jobs");
        assertThat(payload.callable()).isEqualTo("echo");
        assertThat(payload.args()).isEqualTo(NODES.arrayNode().add(1));
        assertThat(payload.kwargs()).isEmpty();
        assertThat(payload.classArgs()).isEmpty();
        assertThat(payload.classKwargs()).isEmpty();
        assertThat(payload.encode()).isEqualTo(ECHO);
    }

    @Test
    void writesEveryFieldInTheReferenceOrderWhateverOrderItCameIn() {
        String shuffled = "[\"run\", {\"class_kwargs\": {\"k\": 1}, \"kwargs\": {\"b\": [true, null]}, "
                + "\"callable\": \"m\", \"class_args\": [\"c\"], \"args\": [], \"path\": \"pkg.mod:Class\"}]";

        assertThat(JobPayload.parse(shuffled).encode()).isEqualTo("[\"run\", {\"path\": \"pkg.mod:Class\", "
                + "\"callable\": \"m\", \"args\": [], \"kwargs\": {\"b\": [true, null]}, \"class_args\": [\"c\"], "
                + "\"class_kwargs\": {\"k\": 1}}]");
    }

    @Test
    void missingOrNullArgumentsAreEmpty() {
        JobPayload payload = JobPayload.parse("[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", "
                + "\"args\": null}]");

        assertThat(payload.args()).isEmpty();
        assertThat(payload.kwargs()).isEmpty();
        assertThat(payload.encode()).isEqualTo("[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", "
                + "\"args\": [], \"kwargs\": {}, \"class_args\": [], \"class_kwargs\": {}}]");
    }

    @Test
    void ofConvertsJavaValues() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("name", "\u00e9t\u00e9");
        kwargs.put("sizes", List.of(1, 2.5));

        assertThat(JobPayload.of("jobs", "echo", List.of(1, "two"), kwargs).encode())
                .isEqualTo("[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", \"args\": [1, \"two\"], "
                        + "\"kwargs\": {\"name\": \"\\u00e9t\\u00e9\", \"sizes\": [1, 2.5]}, \"class_args\": [], "
                        + "\"class_kwargs\": {}}]");
        assertThat(JobPayload.of("jobs", "echo", null, null).encode()).isEqualTo(
                ECHO.replace("[1]", "[]"));
    }

    @Test
    void pathAndCallableAreRequired() {
        assertThatThrownBy(() -> new JobPayload(null, "c", null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> new JobPayload("p", null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("callable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "null", "{}", "[]", "[\"run\"]", "[\"run\", {}, 1]", "[\"go\", {}]",
        "[1, {}]", "[\"run\", []]", "[\"run\", {\"callable\": \"c\"}]", "[\"run\", {\"path\": \"p\"}]",
        "[\"run\", {\"path\": 1, \"callable\": \"c\"}]", "[\"run\", {\"path\": \"p\", \"callable\": null}]",
        "[\"run\", {\"path\": \"p\", \"callable\": \"c\", \"args\": {}}]",
        "[\"run\", {\"path\": \"p\", \"callable\": \"c\", \"kwargs\": []}]",
        "[\"run\", {\"path\": \"p\", \"callable\": \"c\", \"class_args\": \"x\"}]",
        "[\"run\", {\"path\": \"p\", \"callable\": \"c\", \"class_kwargs\": 1}]",
        "[\"run\", {\"path\": \"p\", \"callable\": \"c\"}] trailing"})
    void anythingButTheReferenceShapeIsAProtocolException(String frame) {
        assertThatThrownBy(() -> JobPayload.parse(frame)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("job payload");
    }

    @Test
    void randomJsonishGarbageOnlyEverThrowsProtocolException() {
        Generated generated = new Generated();
        for (int run = 0; run < Generated.RUNS * 3; run++) {
            String frame = generated.chance(50) ? JsonGarbage.next(generated)
                    : "[\"run\", {" + JsonGarbage.next(generated) + "}]";
            Throwable thrown = catchThrowable(() -> JobPayload.parse(frame));
            if (thrown != null) {
                assertThat(thrown).as(generated.describe(frame)).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("job payload");
            }
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsAlwaysAProtocolException() {
        Generated generated = new Generated();
        List<String> fields = List.of("path", "callable", "args", "kwargs", "class_args", "class_kwargs");
        List<JsonNode> wrong = List.of(NODES.numberNode(1), NODES.booleanNode(true), NODES.stringNode("s"),
                NODES.arrayNode(), NODES.objectNode());
        for (int run = 0; run < Generated.RUNS; run++) {
            ArrayNode root = (ArrayNode) WireJson.read("payload", randomPayload(generated).encode());
            ObjectNode job = (ObjectNode) root.get(1);
            String field = generated.oneOf(fields);
            JsonNode value = generated.oneOf(wrong);
            if (value.getNodeType() == job.get(field).getNodeType()) {
                continue;
            }
            job.set(field, value);
            String frame = WireJson.write(root);

            assertThatThrownBy(() -> JobPayload.parse(frame)).as(generated.describe(frame))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining(field);
        }
    }

    @Test
    void parseOfEncodeIsIdentityOnRandomPayloads() {
        Generated generated = new Generated();
        for (int run = 0; run < Generated.RUNS; run++) {
            JobPayload payload = randomPayload(generated);
            String frame = payload.encode();

            JobPayload parsed = JobPayload.parse(frame);
            assertThat(parsed).as(generated.describe(frame)).isEqualTo(payload);
            assertThat(parsed.encode()).as(generated.describe(frame)).isEqualTo(frame);
            assertThat(frame).as(generated.describe(frame)).matches("[\\x20-\\x7e]+");
        }
    }

    private static JobPayload randomPayload(Generated generated) {
        return new JobPayload(generated.text(), generated.text(), randomArray(generated, 2),
                randomObject(generated, 2), randomArray(generated, 1), randomObject(generated, 1));
    }

    private static ArrayNode randomArray(Generated generated, int depth) {
        ArrayNode array = NODES.arrayNode();
        int size = generated.between(0, 4);
        for (int i = 0; i < size; i++) {
            array.add(randomValue(generated, depth));
        }
        return array;
    }

    private static ObjectNode randomObject(Generated generated, int depth) {
        ObjectNode object = NODES.objectNode();
        int size = generated.between(0, 4);
        for (int i = 0; i < size; i++) {
            object.set(generated.text(), randomValue(generated, depth));
        }
        return object;
    }

    private static JsonNode randomValue(Generated generated, int depth) {
        int kinds = depth > 0 ? 9 : 7;
        return switch (generated.random.nextInt(kinds)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(generated.chance(50));
            case 2 -> NODES.numberNode(generated.random.nextInt());
            case 3 -> NODES.numberNode(generated.random.nextLong());
            case 4 -> NODES.numberNode(generated.random.nextDouble() * generated.between(-1000, 1000));
            case 5, 6 -> NODES.stringNode(generated.text());
            case 7 -> randomArray(generated, depth - 1);
            default -> randomObject(generated, depth - 1);
        };
    }
}
