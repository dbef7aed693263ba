package io.eventmq.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import io.eventmq.protocol.Headers;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;
import io.eventmq.testing.RawDealer;

/** Callers in several threads share one client; every result reaches the future of its own REQUEST. */
class ClientConcurrencyTest {

    private static final int CALLERS = 4;
    private static final int REQUESTS_EACH = 250;
    private static final int SLOTS = 4;

    @Test
    void resultsReachTheirOwnCallersAcrossThreads() throws Exception {
        String any = "tcp://127.0.0.1:*";
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (ZContext context = new ZContext();
             Router router = new Router(context, RouterSettings.DEFAULTS.withAddresses(any, any, any))) {
            RouterEndpoints endpoints = router.start();
            RawDealer worker = new RawDealer(context, endpoints.backend(), "echo-worker");
            Thread echo = new Thread(() -> echo(worker, CALLERS * REQUESTS_EACH), "echo-worker");
            echo.start();
            try (Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend()))) {
                client.start();
                List<Future<Map<String, CompletableFuture<String>>>> calls = new ArrayList<>();
                for (int caller = 0; caller < CALLERS; caller++) {
                    int id = caller;
                    calls.add(callers.submit(() -> call(client, id)));
                }
                for (Future<Map<String, CompletableFuture<String>>> call : calls) {
                    for (Map.Entry<String, CompletableFuture<String>> request : call.get(10, TimeUnit.SECONDS)
                            .entrySet()) {
                        assertThat(request.getValue().get(10, TimeUnit.SECONDS))
                                .isEqualTo("\"" + request.getKey() + "\"");
                    }
                }
            }
            echo.join();
            worker.close();
        } finally {
            callers.shutdown();
        }
    }

    /** Sends requests whose payload names them; the echo worker returns the payload as the value. */
    private static Map<String, CompletableFuture<String>> call(Client client, int caller) {
        Map<String, CompletableFuture<String>> results = new HashMap<>();
        for (int i = 0; i < REQUESTS_EACH; i++) {
            String name = "caller-" + caller + "-request-" + i;
            results.put(name, client.request("default", Headers.NONE, name));
        }
        return results;
    }

    private static void echo(RawDealer worker, int requests) {
        worker.joinAsWorker("", SLOTS);
        for (int i = 0; i < requests; i++) {
            List<String> request = worker.receive("REQUEST");
            worker.sendMessage("REPLY", "reply-" + i, "{\"value\": \"" + request.get(6) + "\"}", request.get(3));
            worker.ready(1);
        }
    }
}
