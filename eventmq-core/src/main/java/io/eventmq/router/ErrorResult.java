package io.eventmq.router;

import java.util.Locale;

import io.eventmq.protocol.WireJson;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A refusal in the shape of a failed job's result: {@code {"value": null, "error": {"type", "message"}}}.
 * The type is written like the worker's error types, which are exception names: {@code QUEUE_FULL} becomes
 * {@code QueueFull}.
 */
final class ErrorResult {

    private ErrorResult() {
    }

    static String json(DropReason reason, String message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putNull("value");
        root.putObject("error").put("type", typeOf(reason)).put("message", message);
        return WireJson.write(root);
    }

    static String typeOf(DropReason reason) {
        StringBuilder type = new StringBuilder();
        for (String word : reason.name().split("_")) {
            type.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return type.toString();
    }
}
