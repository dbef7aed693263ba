package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.router.Router;
import io.eventmq.router.RouterSettings;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health, metrics and the {@code eventmq} endpoint over real HTTP. The application's worker (and client) use a
 * router this test starts and stops itself; the application also embeds a router of its own, which makes
 * {@code eventmq} a composite of {@code worker} and {@code router}. The tests run in order: the last one stops
 * the embedded router.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eventmq.heartbeat.interval=200ms", "eventmq.heartbeat.timeout=600ms", "eventmq.heartbeat.liveness=3",
        "eventmq.worker.reconnect-timeout=500ms", "eventmq.socket.linger=0",
        "eventmq.router.enabled=true", "eventmq.router.frontend=tcp://127.0.0.1:*",
        "eventmq.router.backend=tcp://127.0.0.1:*", "eventmq.router.admin=tcp://127.0.0.1:*",
        "management.endpoints.web.exposure.include=health,metrics,eventmq",
        "management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true",
        "management.endpoint.health.group.readiness.include=readinessState,eventmq"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventMqActuatorHttpTest {

    private static final HeartbeatSettings HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);
    /** Heartbeat timeout × liveness, and one interval more. */
    private static final Duration ROUTER_LOSS_SEEN = HEARTBEATS.deadAfter().plus(HEARTBEATS.interval());
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ZContext ZMQ_CONTEXT = new ZContext();
    private static final JsonMapper JSON = new JsonMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The router the application's worker and client connect to. */
    private static Router workersRouter = startRouter("tcp://127.0.0.1:*", "tcp://127.0.0.1:*");

    @LocalServerPort
    private int port;

    @Autowired
    private EmqpTemplate template;

    @Autowired
    private MeterRegistry registry;

    @Autowired
    private Router embeddedRouter;

    @DynamicPropertySource
    static void workersRouter(DynamicPropertyRegistry properties) {
        properties.add("eventmq.worker.address", () -> workersRouter.endpoints().backend());
        properties.add("eventmq.client.address", () -> workersRouter.endpoints().frontend());
    }

    @AfterAll
    static void closeRouter() {
        workersRouter.close();
        ZMQ_CONTEXT.close();
    }

    @Test
    @Order(1)
    void healthShowsEventMqUpWithTheWorkersDetailsOnceConnected() {
        await().atMost(WAIT).pollInterval(POLL).until(() -> workerStatus().equals("UP"));
        assertThat(eventMqStatus()).isEqualTo("UP");

        JsonNode eventmq = get("/actuator/health").body().get("components").get("eventmq");
        JsonNode worker = eventmq.get("components").get("worker");
        assertThat(worker.get("status").asString()).isEqualTo("UP");
        assertThat(worker.get("details").get("state").asString()).isEqualTo("CONNECTED");
        assertThat(worker.get("details").get("address").asString()).isEqualTo(workersRouter.endpoints().backend());
        assertThat(worker.get("details").get("identity").asString()).isNotBlank();
        assertThat(worker.get("details").get("queues").toString()).contains("jobs:10");
        assertThat(worker.get("details").get("heartbeatMisses").asInt()).isZero();
        assertThat(worker.get("details").get("slots").asInt()).isEqualTo(4);
        JsonNode router = eventmq.get("components").get("router");
        assertThat(router.get("status").asString()).isEqualTo("UP");
        assertThat(router.get("details").get("workers").asInt()).isZero();
    }

    @Test
    @Order(2)
    void jobsAreCountedExactlyInTheRegistryAndAtTheMetricsEndpoint() throws Exception {
        await().atMost(WAIT).pollInterval(POLL).until(() -> eventMqStatus().equals("UP"));
        CompletableFuture<?>[] succeeding = new CompletableFuture<?>[5];
        for (int i = 0; i < succeeding.length; i++) {
            succeeding[i] = template.request("jobs", "job " + i, String.class);
        }
        CompletableFuture<?>[] failing = new CompletableFuture<?>[2];
        for (int i = 0; i < failing.length; i++) {
            failing[i] = template.request("jobs", "fail " + i, String.class);
        }
        CompletableFuture.allOf(succeeding).get(10, TimeUnit.SECONDS);
        for (CompletableFuture<?> job : failing) {
            assertThatThrownBy(() -> job.get(10, TimeUnit.SECONDS)).hasMessageContaining("failed on purpose");
        }

        await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
            assertThat(registry.get("eventmq.handler").tag("outcome", "SUCCEEDED").timer().count()).isEqualTo(5);
            assertThat(registry.get("eventmq.handler").tag("outcome", "FAILED").timer().count()).isEqualTo(2);
        });
        assertThat(handlerCount("")).isEqualTo(7);
        assertThat(handlerCount("?tag=outcome:SUCCEEDED")).isEqualTo(5);
        assertThat(handlerCount("?tag=queue:jobs&tag=outcome:FAILED")).isEqualTo(2);
        assertThat(registry.get("eventmq.messages.received").tag("command", "REQUEST").counter().count())
                .isEqualTo(7);
    }

    @Test
    @Order(3)
    void eventMqEndpointShowsTheWorkerTheClientAndTheEmbeddedRoutersJson() {
        await().atMost(WAIT).pollInterval(POLL).until(() -> eventMqStatus().equals("UP"));

        Response response = get("/actuator/eventmq");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("worker").get("state").asString()).isEqualTo("CONNECTED");
        assertThat(body.get("worker").get("slots").asInt()).isEqualTo(4);
        assertThat(body.get("client").get("running").asBoolean()).isTrue();
        assertThat(body.get("router").get("running").asBoolean()).isTrue();
        assertThat(body.get("router").get("status").get("waiting_messages_by_queue").isObject()).isTrue();
        assertThat(body.get("router").get("workers").get("connected_workers").isObject()).isTrue();
        assertThat(body.get("router").get("schedulers").isObject()).isTrue();
    }

    @Test
    @Order(4)
    void workerIsDownWhenItsRouterGoesAndUpWhenARouterComesBackWhileLivenessStaysUp() {
        await().atMost(WAIT).pollInterval(POLL).until(() -> eventMqStatus().equals("UP"));
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
        String frontend = workersRouter.endpoints().frontend();
        String backend = workersRouter.endpoints().backend();

        workersRouter.stop();

        await().atMost(ROUTER_LOSS_SEEN).pollInterval(POLL).until(() -> workerStatus().equals("DOWN"));
        Response readiness = get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body().get("status").asString()).isEqualTo("DOWN");
        Response liveness = get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().get("status").asString()).isEqualTo("UP");

        await().atMost(WAIT).pollInterval(POLL).ignoreExceptions()
                .until(() -> (workersRouter = startRouter(frontend, backend)) != null);

        await().atMost(WAIT).pollInterval(POLL).until(() -> workerStatus().equals("UP"));
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    @DirtiesContext
    void anAdminDisconnectPutsTheEmbeddedRouterOutOfService() {
        await().atMost(WAIT).pollInterval(POLL).until(() -> eventMqStatus().equals("UP"));

        try (ZMQ.Socket admin = ZMQ_CONTEXT.createSocket(SocketType.DEALER)) {
            admin.setLinger(0);
            admin.setReceiveTimeOut((int) WAIT.toMillis());
            admin.connect(embeddedRouter.endpoints().admin());
            admin.sendMore("");
            admin.sendMore("eMQP/1.0");
            admin.sendMore("DISCONNECT");
            admin.send("admin-disconnect-1");
            admin.recvStr();
            admin.recvStr();
            assertThat(admin.recvStr()).isEqualTo("ACK");
        }

        await().atMost(WAIT).pollInterval(POLL).until(() -> eventMqStatus().equals("OUT_OF_SERVICE"));
        JsonNode components = get("/actuator/health").body().get("components").get("eventmq").get("components");
        assertThat(components.get("router").get("status").asString()).isEqualTo("OUT_OF_SERVICE");
        assertThat(components.get("worker").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    private static Router startRouter(String frontend, String backend) {
        Router router = new Router(ZMQ_CONTEXT, RouterSettings.DEFAULTS
                .withAddresses(frontend, backend, "tcp://127.0.0.1:*").withHeartbeat(HEARTBEATS));
        router.start();
        return router;
    }

    private String eventMqStatus() {
        return get("/actuator/health").body().get("components").get("eventmq").get("status").asString();
    }

    private String workerStatus() {
        return get("/actuator/health").body().get("components").get("eventmq").get("components").get("worker")
                .get("status").asString();
    }

    /** The COUNT of {@code eventmq.handler} at the metrics endpoint, with {@code query}'s tags. */
    private long handlerCount(String query) {
        Response response = get("/actuator/metrics/eventmq.handler" + query);
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode measurement : response.body().get("measurements")) {
            if (measurement.get("statistic").asString().equals("COUNT")) {
                return measurement.get("value").asLong();
            }
        }
        throw new AssertionError("no COUNT in " + response.body());
    }

    private Response get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: its status code and its JSON body. */
    private record Response(int status, JsonNode body) {
    }

    /**
     * The application, with the test jobs as its own methods: the worker's condition looks for handlers while
     * configuration classes are parsed, before beans that are imported or declared by {@code @Bean} are registered.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App extends TestJobs {
    }
}
