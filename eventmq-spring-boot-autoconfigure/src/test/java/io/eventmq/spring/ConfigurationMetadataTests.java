package io.eventmq.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metadata IDEs show for application.yml: every eventmq.* property, each described, with its default. */
class ConfigurationMetadataTests {

    /** Properties without a default value: their description says what they default to. */
    private static final Set<String> NO_DEFAULT = Set.of("eventmq.worker.address", "eventmq.client.address",
            "eventmq.worker.failover-address", "eventmq.worker.queues", "eventmq.scheduler.address",
            "eventmq.security.curve.router.public-key", "eventmq.security.curve.router.secret-key",
            "eventmq.security.curve.router.allowed-client-keys", "eventmq.security.curve.peer.public-key",
            "eventmq.security.curve.peer.secret-key", "eventmq.security.curve.peer.server-key",
            "eventmq.security.curve.router.allowed-clients-directory");

    @Test
    void everyPropertyIsDescribedAndHasItsDefault() throws Exception {
        JsonNode metadata = metadata();
        List<JsonNode> properties = metadata.get("properties").valueStream().toList();

        assertThat(properties).extracting(p -> p.get("name").asString()).contains("eventmq.enabled",
                "eventmq.heartbeat.interval", "eventmq.socket.max-message-size", "eventmq.worker.queues",
                "eventmq.worker.grace-period", "eventmq.client.request-timeout", "eventmq.router.backend");
        assertThat(properties).hasSizeGreaterThanOrEqualTo(29).allSatisfy(property -> {
            String name = property.get("name").asString();
            assertThat(property.path("description").asString("")).as(name).isNotBlank();
            if (!NO_DEFAULT.contains(name)) {
                assertThat(property.has("defaultValue")).as(name + " has a default").isTrue();
            }
        });
        assertThat(properties).filteredOn(p -> p.get("name").asString().equals("eventmq.heartbeat.interval"))
                .singleElement().satisfies(p -> assertThat(p.get("defaultValue").asString()).isEqualTo("3s"));
        assertThat(metadata.get("hints").valueStream().map(h -> h.get("name").asString()))
                .contains("eventmq.router.backend");
    }

    /** The README's configuration table has one row per property, with the metadata's default. */
    @Test
    void theReadmeTableListsEveryPropertyWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(metadata().get("properties").valueStream()).allSatisfy(property -> {
            JsonNode value = property.get("defaultValue");
            String shown = value == null ? "—" : "`" + value.asString() + "`";
            assertThat(readme).contains("| `" + property.get("name").asString() + "` | " + shown + " |");
        });
    }

    private JsonNode metadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            return new JsonMapper().readTree(in);
        }
    }
}
