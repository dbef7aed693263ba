package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.ZCert;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.eventmq.client.Client;
import io.eventmq.protocol.Headers;
import io.eventmq.router.Router;
import io.eventmq.transport.Curve;
import io.eventmq.transport.CurveKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eventmq.security.curve.*}: a valid setup makes the embedded router a CURVE server and the client a CURVE
 * client that gets through; each invalid value stops startup naming its property; secret keys appear neither in
 * the log nor in the env and configprops endpoints, even with their values shown.
 */
class CurveSecurityAutoConfigurationTests {

    private final CurveKeys router = CurveKeys.generate();
    private final CurveKeys peer = CurveKeys.generate();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventMqAutoConfiguration.class,
                    EventMqRouterAutoConfiguration.class, EventMqClientAutoConfiguration.class,
                    EventMqSanitizingAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
                    ConfigurationPropertiesReportEndpointAutoConfiguration.class))
            .withPropertyValues(EventMqRouterAutoConfigurationTests.EPHEMERAL)
            .withPropertyValues("eventmq.router.enabled=true", "eventmq.socket.linger=0",
                    "management.endpoints.web.exposure.include=env,configprops",
                    "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always");

    @BeforeEach
    void watchLog() {
        lines.start();
        root.addAppender(lines);
    }

    @AfterEach
    void noSecretInTheLog() {
        root.detachAppender(lines);
        assertThat(lines.list).noneMatch(line -> line.getFormattedMessage().contains(router.secretKey())
                || line.getFormattedMessage().contains(peer.secretKey()));
    }

    @Test
    void aValidSetupEncryptsTheEmbeddedRouterAndTheClientAndKeepsTheSecretsOutOfTheEndpoints() {
        runner.withPropertyValues(valid()).run(context -> {
            assertThat(context).hasNotFailed();
            Router embedded = context.getBean(Router.class);
            assertThat(embedded.settings().socketOptions().curve()).isInstanceOfSatisfying(Curve.Server.class,
                    server -> assertThat(server.allows(peer.publicKey())).isTrue());
            assertThat(context.getBean(Client.class).settings().socketOptions().curve())
                    .isEqualTo(new Curve.Client(peer, router.publicKey()));

            context.getBean(Client.class).request("default", Headers.NONE, "through CURVE");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> embedded.status().waiting().getOrDefault("default", 0) == 1);

            String env = JSON.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
            String configprops = JSON.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
                    .configurationProperties());
            assertThat(env).contains(router.publicKey()).contains("******")
                    .doesNotContain(router.secretKey()).doesNotContain(peer.secretKey());
            assertThat(configprops).contains(router.publicKey())
                    .doesNotContain(router.secretKey()).doesNotContain(peer.secretKey());
        });
    }

    @Test
    void theAllowListCanBeADirectoryOfCertificates(@TempDir Path certificates) throws Exception {
        new ZCert(peer.publicKey(), peer.secretKey()).savePublic(certificates.resolve("peer.cert").toString());
        runner.withPropertyValues("eventmq.security.curve.router.public-key=" + router.publicKey(),
                "eventmq.security.curve.router.secret-key=" + router.secretKey(),
                "eventmq.security.curve.router.allowed-clients-directory=" + certificates).run(context -> {
                    Curve curve = context.getBean(Router.class).settings().socketOptions().curve();
                    assertThat(curve).isEqualTo(Curve.Server.allowOnly(router, Set.of(peer.publicKey())));
                });
        fails("eventmq.security.curve.router.allowed-clients-directory=" + certificates.resolve("absent"),
                "eventmq.security.curve.router.allowed-clients-directory");
    }

    @Test
    void aSecretKeyNamedInAnyFormIsMasked() {
        assertThat(EventMqSanitizingAutoConfiguration.isSecretKey("eventmq.security.curve.router.secret-key")).isTrue();
        assertThat(EventMqSanitizingAutoConfiguration.isSecretKey("EVENTMQ_SECURITY_CURVE_PEER_SECRETKEY")).isTrue();
        assertThat(EventMqSanitizingAutoConfiguration.isSecretKey("secretKey")).isTrue();
        assertThat(EventMqSanitizingAutoConfiguration.isSecretKey("eventmq.security.curve.peer.server-key")).isFalse();
    }

    @Test
    void aMistypedSecretKeyStopsStartupNamingThePropertyButNotTheValue() {
        String mistyped = router.secretKey().substring(1);
        fails("eventmq.security.curve.router.secret-key=" + mistyped, report -> assertThat(report)
                .contains("eventmq.security.curve.router.secret-key").doesNotContain(mistyped));
    }

    @Test
    void eachInvalidValueStopsStartupNamingTheProperty() {
        fails("eventmq.security.curve.router.public-key=not-a-key", "eventmq.security.curve.router.public-key");
        fails("eventmq.security.curve.peer.server-key=", "eventmq.security.curve.peer.server-key");
        fails("eventmq.security.curve.peer.secret-key=", "eventmq.security.curve.peer.secret-key");
        fails("eventmq.security.curve.router.allowed-client-keys=",
                "eventmq.security.curve.router.allowed-client-keys");
        fails("eventmq.security.curve.router.allow-any=true", "eventmq.security.curve.router.allow-any");
        fails("eventmq.security.curve.router.allowed-client-keys=short",
                "eventmq.security.curve.router.allowed-client-keys[0]");
    }

    private void fails(String invalid, String property) {
        fails(invalid, report -> assertThat(report).contains(property));
    }

    private void fails(String invalid, Consumer<String> report) {
        runner.withPropertyValues(valid()).withPropertyValues(invalid).run((AssertableApplicationContext context) -> {
            assertThat(context).hasFailed();
            report.accept(FailureReports.of(context.getStartupFailure()));
        });
    }

    private String[] valid() {
        return new String[] {"eventmq.security.curve.router.public-key=" + router.publicKey(),
                "eventmq.security.curve.router.secret-key=" + router.secretKey(),
                "eventmq.security.curve.router.allowed-client-keys=" + peer.publicKey(),
                "eventmq.security.curve.peer.public-key=" + peer.publicKey(),
                "eventmq.security.curve.peer.secret-key=" + peer.secretKey(),
                "eventmq.security.curve.peer.server-key=" + router.publicKey()};
    }

    private static final JsonMapper JSON = new JsonMapper();
}
