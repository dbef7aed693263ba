package io.eventmq.router;

import java.util.LinkedHashMap;
import java.util.Map;

import io.eventmq.protocol.WeightedQueue;
import io.eventmq.protocol.WireJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON documents the admin socket answers, with the reference's keys and spacing. */
final class AdminReports {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdminReports() {
    }

    /** STATUS: in flight, latency (ms since received) and waiting per queue; dispatched per queue and worker. */
    static String status(Workers workers, PendingRequests pending, long now) {
        Map<String, long[]> flights = new LinkedHashMap<>();
        for (PendingRequests.Pending request : pending.view()) {
            long[] flight = flights.computeIfAbsent(request.queue(), queue -> new long[3]);
            long age = now - request.acceptedAt();
            flight[0]++;
            flight[1] += age;
            flight[2] = Math.max(flight[2], age);
        }
        ObjectNode root = NODES.objectNode();
        ObjectNode inflight = root.putObject("inflight_messages_by_queue");
        ObjectNode latency = root.putObject("latency_messages_by_queue");
        ObjectNode maxLatency = root.putObject("max_latency_messages_by_queue");
        flights.forEach((queue, flight) -> {
            inflight.put(queue, flight[0]);
            latency.put(queue, flight[1] / flight[0]);
            maxLatency.put(queue, flight[2]);
        });
        ObjectNode waiting = root.putObject("waiting_messages_by_queue");
        ObjectNode processedByQueue = root.putObject("processed_messages_by_queue");
        for (NamedQueue queue : workers.queues()) {
            if (!queue.waiting.isEmpty()) {
                waiting.put(queue.name, queue.waiting.size());
            }
            if (queue.processed > 0) {
                processedByQueue.put(queue.name, queue.processed);
            }
        }
        ObjectNode processedByWorker = root.putObject("processed_messages_by_worker");
        for (Worker worker : workers.view()) {
            if (worker.processed > 0) {
                processedByWorker.put(worker.id, worker.processed);
            }
        }
        return WireJson.write(root);
    }

    /** ROUTER_SHOW_WORKERS: each worker's queues, seconds since last heard and free slots; each queue's workers. */
    static String workers(Workers workers, long now) {
        ObjectNode root = NODES.objectNode();
        ObjectNode connected = root.putObject("connected_workers");
        for (Worker worker : workers.view()) {
            ObjectNode entry = connected.putObject(worker.id);
            ArrayNode queues = entry.putArray("queues");
            for (WeightedQueue queue : worker.announced) {
                queues.addArray().add(queue.weight()).add(queue.name());
            }
            entry.put("hb", secondsSince(worker.lastSeen, now));
            entry.put("available_slots", worker.freeSlots);
        }
        ObjectNode queues = root.putObject("connected_queues");
        for (NamedQueue queue : workers.queues()) {
            ArrayNode members = queues.putArray(queue.name);
            for (NamedQueue.Member member : queue.members()) {
                members.addArray().add(member.weight()).add(member.worker().id);
            }
        }
        return WireJson.write(root);
    }

    /** ROUTER_SHOW_SCHEDULERS: each scheduler's seconds since last heard. */
    static String schedulers(Schedulers schedulers, long now) {
        ObjectNode root = NODES.objectNode();
        ObjectNode connected = root.putObject("connected_schedulers");
        for (Scheduler scheduler : schedulers.all()) {
            connected.putObject(scheduler.id).put("hb", secondsSince(scheduler.lastSeen, now));
        }
        return WireJson.write(root);
    }

    private static double secondsSince(long then, long now) {
        return (now - then) / 1000.0;
    }
}
