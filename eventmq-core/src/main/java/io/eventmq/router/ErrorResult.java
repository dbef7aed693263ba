package io.eventmq.router;

import io.eventmq.protocol.WireJson;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A refusal in the shape of a failed job's result: {@code {"value": null, "error": {"type", "message"}}}. */
final class ErrorResult {

    private ErrorResult() {
    }

    static String json(DropReason reason, String message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putNull("value");
        root.putObject("error").put("type", reason.name()).put("message", message);
        return WireJson.write(root);
    }
}
