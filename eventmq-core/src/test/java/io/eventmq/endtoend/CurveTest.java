package io.eventmq.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatSettings;
import io.eventmq.protocol.Headers;
import io.eventmq.router.DropReason;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;
import io.eventmq.transport.Curve;
import io.eventmq.transport.CurveKeys;
import io.eventmq.transport.SocketOptions;

/**
 * CURVE on real sockets: an encrypted worker, router and client; peers without the router's key, with a key not on
 * the allow-list, or in plaintext get nothing through, are counted, and logged once; no secret key is ever logged.
 */
@Timeout(60)
class CurveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final HeartbeatSettings QUICK_HEARTBEATS =
            new HeartbeatSettings(Duration.ofMillis(200), Duration.ofMillis(600), 3, true);

    private final CurveKeys routerKeys = CurveKeys.generate();
    private final CurveKeys workerKeys = CurveKeys.generate();
    private final CurveKeys clientKeys = CurveKeys.generate();
    private final CurveKeys strangerKeys = CurveKeys.generate();
    /** The router has a context of its own: its ZAP handler serves every CURVE server of its context. */
    private final ZContext routerContext = new ZContext();
    private final ZContext peerContext = new ZContext();
    private final Queue<String> served = new ConcurrentLinkedQueue<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Router router;
    private RouterEndpoints endpoints;
    private WorkerService worker;
    private Client client;

    @BeforeEach
    void startRouterAndWorker() {
        lines.start();
        root.addAppender(lines);
        RouterSettings settings = RouterSettings.DEFAULTS
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*")
                .withHeartbeat(QUICK_HEARTBEATS)
                .withSocketOptions(SocketOptions.DEFAULTS.withCurve(Curve.Server.allowOnly(routerKeys,
                        Set.of(workerKeys.publicKey(), clientKeys.publicKey()))));
        LoggerFactory.getLogger(CurveTest.class).info("router settings: {}", settings);
        router = new Router(routerContext, settings);
        endpoints = router.start();
        worker = new WorkerService(peerContext, ServiceSettings.DEFAULTS
                .withAddress(endpoints.backend())
                .withHeartbeat(QUICK_HEARTBEATS)
                .withReconnectTimeout(Duration.ofSeconds(1))
                .withGracePeriod(Duration.ofMillis(300))
                .withSocket(SocketOptions.DEFAULTS.withCurve(new Curve.Client(workerKeys, routerKeys.publicKey()))),
                new Handlers().onAnyRequest(job -> {
                    served.add(job.payload());
                    return job.payload();
                }));
        worker.start();
    }

    @AfterEach
    void stopEverything() {
        try {
            if (client != null) {
                client.close();
            }
            worker.stop();
            router.close();
            peerContext.close();
            routerContext.close();
            for (CurveKeys keys : List.of(routerKeys, workerKeys, clientKeys, strangerKeys)) {
                assertThat(lines.list).as("log lines").noneMatch(line -> line.getFormattedMessage()
                        .contains(keys.secretKey()));
            }
        } finally {
            root.detachAppender(lines);
        }
    }

    @Test
    void anEncryptedJobGoesFromClientThroughRouterToWorkerAndBack() throws Exception {
        client = client(SocketOptions.DEFAULTS.withCurve(new Curve.Client(clientKeys, routerKeys.publicKey())));

        List<String> results = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(client.request("default", Headers.NONE, "job " + i).get(15, TimeUnit.SECONDS));
        }

        assertThat(results).hasSize(20).allMatch(result -> result.startsWith("\"job "));
        assertThat(served).hasSize(20);
        assertThat(router.drops(DropReason.PEER_REFUSED)).isZero();
    }

    @Test
    void aClientWithoutTheRoutersPublicKeyGetsNothingThrough() {
        client = client(SocketOptions.DEFAULTS.withCurve(new Curve.Client(clientKeys, strangerKeys.publicKey())));

        assertRefused("failed the CURVE handshake");
    }

    @Test
    void aClientWhoseKeyIsNotOnTheAllowListGetsNothingThrough() {
        client = client(SocketOptions.DEFAULTS.withCurve(new Curve.Client(strangerKeys, routerKeys.publicKey())));

        assertRefused("not on the allow-list");
    }

    @Test
    void aPlaintextClientGetsNothingThrough() {
        client = client(SocketOptions.DEFAULTS);

        assertRefused("before the ZMTP greeting");
    }

    @Test
    void aWorkerWhoseKeyIsNotOnTheAllowListNeverJoins() {
        WorkerService stranger = new WorkerService(peerContext, ServiceSettings.DEFAULTS
                .withAddress(endpoints.backend())
                .withReconnectTimeout(Duration.ofMillis(500))
                .withSocket(SocketOptions.DEFAULTS.withCurve(new Curve.Client(strangerKeys, routerKeys.publicKey()))),
                new Handlers().onAnyRequest(job -> "stranger"));
        stranger.start();
        try {
            await().atMost(PATIENCE).until(() -> router.drops(DropReason.PEER_REFUSED) > 0);
            await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                    .until(() -> router.status().workers().size() == 1);
            assertThat(router.status().workers()).singleElement()
                    .satisfies(joined -> assertThat(joined.id()).isEqualTo(worker.status().identity()));
        } finally {
            stranger.stop();
        }
    }

    @Test
    void allowAnyLetsInEveryClientThatKnowsTheRoutersKeyButNoPlaintextOne() {
        try (ZContext openContext = new ZContext(); Router open = new Router(openContext, RouterSettings.DEFAULTS
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*")
                .withSocketOptions(SocketOptions.DEFAULTS.withCurve(Curve.Server.allowAny(routerKeys))))) {
            String frontend = open.start().frontend();
            try (Client anyone = client(frontend, SocketOptions.DEFAULTS
                    .withCurve(new Curve.Client(strangerKeys, routerKeys.publicKey())));
                 Client plaintext = client(frontend, SocketOptions.DEFAULTS)) {
                anyone.request("default", Headers.NONE, "anyone");
                CompletableFuture<String> refused = plaintext.request("default", Headers.NONE, "plaintext");

                await().atMost(PATIENCE).until(() -> open.status().waiting().getOrDefault("default", 0) == 1);
                assertThat(refused).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                        .havingCause().isInstanceOf(TimeoutException.class).withMessageContaining("refuses");
                assertThat(open.status().waiting()).as("only the CURVE client's REQUEST").containsEntry("default", 1);
                assertThat(open.drops(DropReason.PEER_REFUSED)).isPositive();
            }
        }
    }

    @Test
    void aSecondCurveRouterOnTheSameContextRefusesToStartRatherThanRunWithoutItsAllowList() {
        try (Router second = new Router(routerContext, RouterSettings.DEFAULTS
                .withAddresses("tcp://127.0.0.1:*", "tcp://127.0.0.1:*", "tcp://127.0.0.1:*")
                .withSocketOptions(SocketOptions.DEFAULTS.withCurve(Curve.Server.allowAny(strangerKeys))))) {
            assertThatIllegalStateException().isThrownBy(second::start).withMessageContaining("ZAP address");
        }
    }

    @Test
    void aKeyPairShowsNoSecretAsText() {
        assertThat(routerKeys.toString()).contains(routerKeys.publicKey()).doesNotContain(routerKeys.secretKey());
        assertThat(Curve.Server.allowAny(routerKeys).toString()).doesNotContain(routerKeys.secretKey());
    }

    private Client client(SocketOptions options) {
        return client(endpoints.frontend(), options);
    }

    private Client client(String frontend, SocketOptions options) {
        Client started = new Client(peerContext, ClientSettings.DEFAULTS.withAddress(frontend)
                .withRequestTimeout(Duration.ofSeconds(5))
                .withReceiptTimeout(Duration.ofSeconds(5))
                .withSocketOptions(options));
        started.start();
        return started;
    }

    /** The client's REQUEST times out unconnected, the worker never sees it; counted, and logged once. */
    private void assertRefused(String why) {
        assertThat(client.request("default", Headers.NONE, "intruder")).failsWithin(PATIENCE)
                .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(TimeoutException.class)
                .withMessageContaining("refuses");
        await().atMost(PATIENCE).until(() -> router.drops(DropReason.PEER_REFUSED) > 0);
        assertThat(served).isEmpty();
        await().atMost(PATIENCE).until(() -> router.status().workers().size() == 1);
        assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().contains(why))
                .as("refusals logged").hasSize(1);
    }
}
