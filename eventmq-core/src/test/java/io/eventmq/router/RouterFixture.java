package io.eventmq.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.zeromq.ZContext;

import io.eventmq.protocol.WireJson;
import io.eventmq.testing.RawDealer;
import tools.jackson.databind.JsonNode;

/** A started router on free loopback ports, raw DEALER peers for it, and what its listener heard. */
final class RouterFixture implements AutoCloseable {

    /** How long a test waits for anything the router should do. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** The defaults, but receipts at once: a test reads each REQUEST's receipt, then its result. */
    static final RouterSettings RECEIPTS_AT_ONCE = RouterSettings.DEFAULTS.withReceiptDelay(Duration.ZERO);
    /** A reference job payload, for REQUESTs whose payload does not matter. */
    static final String JOB = "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\"}]";

    /** Events as "kind queue-or-type id ...", e.g. "dispatched default worker-1 r1", "waiting email 2". */
    final List<String> events = new CopyOnWriteArrayList<>();
    final ZContext context = new ZContext();
    final Router router;
    final RouterEndpoints endpoints;
    private final List<RawDealer> peers = new ArrayList<>();
    private RawDealer admin;

    RouterFixture(RouterSettings settings) {
        this(settings, new RouterListener() { });
    }

    /** A router whose listener records the events, then hands them to {@code next}. */
    RouterFixture(RouterSettings settings, RouterListener next) {
        router = new Router(context, settings.withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*",
                "tcp://127.0.0.1:*"), new RouterListener() {
                    @Override
                    public void peerJoined(PeerType type, String id) {
                        events.add("peerJoined " + type + " " + id);
                        next.peerJoined(type, id);
                    }

                    @Override
                    public void peerLeft(PeerType type, String id, String reason) {
                        events.add("peerLeft " + type + " " + id + " " + reason);
                        next.peerLeft(type, id, reason);
                    }

                    @Override
                    public void dispatched(String queue, String workerId, String msgid) {
                        events.add("dispatched " + queue + " " + workerId + " " + msgid);
                        next.dispatched(queue, workerId, msgid);
                    }

                    @Override
                    public void buffered(String queue, String msgid) {
                        events.add("buffered " + queue + " " + msgid);
                        next.buffered(queue, msgid);
                    }

                    @Override
                    public void waiting(String queue, int size) {
                        events.add("waiting " + queue + " " + size);
                        next.waiting(queue, size);
                    }

                    @Override
                    public void dropped(DropReason reason, String detail) {
                        events.add("dropped " + reason);
                        next.dropped(reason, detail);
                    }

                    @Override
                    public void refused(String msgid, DropReason reason) {
                        events.add("refused " + reason + " " + msgid);
                        next.refused(msgid, reason);
                    }
                });
        endpoints = router.start();
    }

    RouterFixture() {
        this(RECEIPTS_AT_ONCE);
    }

    RawDealer worker(String id, String queues, int slots) {
        return backend(id).joinAsWorker(queues, slots);
    }

    RawDealer backend(String id) {
        return peer(endpoints.backend(), id);
    }

    RawDealer frontend(String id) {
        return peer(endpoints.frontend(), id);
    }

    RawDealer admin() {
        if (admin == null) {
            admin = peer(endpoints.admin(), "admin");
        }
        return admin;
    }

    /** Asks the admin socket {@code command} and answers the JSON of its REPLY. */
    JsonNode ask(String command) {
        admin().sendMessage(command, "admin-" + command);
        List<String> reply = admin().receive("REPLY");
        assertThat(reply).hasSize(5);
        return WireJson.read("admin reply", reply.get(4));
    }

    /** A worker's free slots as ROUTER_SHOW_WORKERS reports them, -1 when it is not registered. */
    int freeSlots(String workerId) {
        JsonNode worker = ask("ROUTER_SHOW_WORKERS").get("connected_workers").get(workerId);
        return worker == null ? -1 : worker.get("available_slots").asInt();
    }

    private RawDealer peer(String endpoint, String id) {
        RawDealer peer = new RawDealer(context, endpoint, id);
        peers.add(peer);
        return peer;
    }

    /** Whether the listener heard an event starting with {@code prefix}. */
    boolean heard(String prefix) {
        return events.stream().anyMatch(event -> event.startsWith(prefix));
    }

    @Override
    public void close() {
        router.stop();
        peers.forEach(RawDealer::close);
        context.close();
    }
}
