package io.eventmq.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job payload the Python reference's clients send and its workers run:
 * {@code ["run", {"path": "jobs", "callable": "echo", "args": [1], "kwargs": {}, "class_args": [],
 * "class_kwargs": {}}]}. Arguments are JSON trees, so nothing is lost between a Python and a Java peer.
 *
 * @param path        module path, {@code pkg.mod} or {@code pkg.mod:Class} for a method
 * @param callable    the function's or method's name
 * @param args        positional arguments, a JSON array
 * @param kwargs      keyword arguments, a JSON object
 * @param classArgs   constructor arguments when {@code path} names a class, a JSON array
 * @param classKwargs constructor keyword arguments, a JSON object
 */
public record JobPayload(String path, String callable, ArrayNode args, ObjectNode kwargs,
                         ArrayNode classArgs, ObjectNode classKwargs) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public JobPayload {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(callable, "callable");
        args = args == null ? NODES.arrayNode() : args;
        kwargs = kwargs == null ? NODES.objectNode() : kwargs;
        classArgs = classArgs == null ? NODES.arrayNode() : classArgs;
        classKwargs = classKwargs == null ? NODES.objectNode() : classKwargs;
    }

    /** A payload whose arguments are converted from Java values (lists, maps, numbers, strings, beans). */
    public static JobPayload of(String path, String callable, List<?> args, Map<String, ?> kwargs) {
        return new JobPayload(path, callable, WireJson.MAPPER.valueToTree(args == null ? List.of() : args),
                WireJson.MAPPER.valueToTree(kwargs == null ? Map.of() : kwargs), null, null);
    }

    /** Parses a payload frame; anything but the reference's {@code ["run", {...}]} is a ProtocolException. */
    public static JobPayload parse(String frame) {
        JsonNode root = WireJson.read("job payload", frame);
        if (!root.isArray() || root.size() != 2 || !"run".equals(root.get(0).asString(""))
                || !root.get(1).isObject()) {
            throw new ProtocolException("job payload must be [\"run\", {...}], was \""
                    + Codec.abbreviate(frame) + "\"");
        }
        JsonNode job = root.get(1);
        return new JobPayload(text(job, "path"), text(job, "callable"), array(job, "args"),
                object(job, "kwargs"), array(job, "class_args"), object(job, "class_kwargs"));
    }

    /** The payload frame, field for field as the reference writes it. */
    public String encode() {
        ArrayNode root = NODES.arrayNode(2);
        root.add("run");
        ObjectNode job = root.addObject();
        job.put("path", path);
        job.put("callable", callable);
        job.set("args", args);
        job.set("kwargs", kwargs);
        job.set("class_args", classArgs);
        job.set("class_kwargs", classKwargs);
        return WireJson.write(root);
    }

    private static String text(JsonNode job, String field) {
        JsonNode value = job.get(field);
        if (value == null || !value.isString()) {
            throw new ProtocolException("job payload needs a string \"" + field + "\"");
        }
        return value.stringValue();
    }

    private static ArrayNode array(JsonNode job, String field) {
        JsonNode value = job.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new ProtocolException("job payload's \"" + field + "\" must be a JSON array");
        }
        return (ArrayNode) value;
    }

    private static ObjectNode object(JsonNode job, String field) {
        JsonNode value = job.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new ProtocolException("job payload's \"" + field + "\" must be a JSON object");
        }
        return (ObjectNode) value;
    }
}
