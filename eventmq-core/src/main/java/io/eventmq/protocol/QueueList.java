package io.eventmq.protocol;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code queues} frame of INFORM: JSON {@code [[10, "default"], [20, "email"]]}, or the empty string
 * (an empty list here), which means "the router's default queue list".
 */
public final class QueueList {

    private QueueList() {
    }

    /** Parses a queues frame; anything but an array of {@code [weight, name]} pairs is a ProtocolException. */
    public static List<WeightedQueue> parse(String frame) {
        if (frame.isEmpty()) {
            return List.of();
        }
        JsonNode root = WireJson.read("queue list", frame);
        if (!root.isArray()) {
            throw invalid(frame);
        }
        List<WeightedQueue> queues = new ArrayList<>(root.size());
        for (JsonNode pair : root) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isIntegralNumber()
                    || !pair.get(0).canConvertToInt() || !pair.get(1).isString()) {
                throw invalid(frame);
            }
            queues.add(new WeightedQueue(pair.get(0).intValue(), pair.get(1).stringValue()));
        }
        return List.copyOf(queues);
    }

    /** The queues frame for {@code queues}; the empty string for an empty list. */
    public static String encode(List<WeightedQueue> queues) {
        if (queues.isEmpty()) {
            return "";
        }
        ArrayNode root = JsonNodeFactory.instance.arrayNode(queues.size());
        for (WeightedQueue queue : queues) {
            root.addArray().add(queue.weight()).add(queue.name());
        }
        return WireJson.write(root);
    }

    private static ProtocolException invalid(String frame) {
        return new ProtocolException("queue list must be a JSON array of [weight, name] pairs, was \""
                + Codec.abbreviate(frame) + "\"");
    }
}
