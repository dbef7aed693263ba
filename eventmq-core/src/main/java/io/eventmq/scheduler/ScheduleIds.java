package io.eventmq.scheduler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.ProtocolException;
import io.eventmq.protocol.WireJson;

/**
 * Schedule ids as the reference's {@code Scheduler.schedule_hash} makes them, so that a Python client's
 * UNSCHEDULE finds a schedule here: the SHA-1, in lower-case hex, of
 * {@code json.dumps({"args", "kwargs", "class_args", "class_kwargs", "path", "callable"}, sort_keys=True)}
 * over the job of a {@code ["run", {...}]} payload. A payload of another shape (the reference fails on it)
 * gets the SHA-1 of its text.
 */
final class ScheduleIds {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScheduleIds() {
    }

    /** The id of the schedule of {@code payload}. */
    static String of(String payload) {
        JobPayload job;
        try {
            job = JobPayload.parse(payload);
        } catch (ProtocolException e) {
            return sha1(payload);
        }
        ObjectNode identifying = NODES.objectNode();
        identifying.set("args", job.args());
        identifying.set("kwargs", job.kwargs());
        identifying.set("class_args", job.classArgs());
        identifying.set("class_kwargs", job.classKwargs());
        identifying.put("path", job.path());
        identifying.put("callable", job.callable());
        return sha1(WireJson.write(sortedKeys(identifying)));
    }

    /** {@code node} with the keys of every object in it sorted, as {@code sort_keys=True} writes it. */
    private static JsonNode sortedKeys(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(property -> sorted.put(property.getKey(), sortedKeys(property.getValue())));
            ObjectNode object = NODES.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode(node.size());
            node.forEach(element -> array.add(sortedKeys(element)));
            return array;
        }
        return node;
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
