package io.eventmq.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventmq.spring.test.EmbeddedEventMq;
import tools.jackson.databind.JsonNode;

/**
 * The curl lines of the README's quick start, run as written against the sample over real HTTP: each POST is
 * accepted, each read of {@code <id>} shows the job done with the result the README prints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedEventMq
class ReadmeQuickStartTest {

    @LocalServerPort
    int port;

    @Test
    void theQuickStartsCurlLinesWorkAsPrinted() throws IOException {
        List<String> commands = quickStartCommands();
        assertThat(commands).as("the README's quick start has curl lines").hasSizeGreaterThanOrEqualTo(5);
        SampleHttp http = new SampleHttp(port);
        String id = null;
        for (String command : commands) {
            Matcher curl = Pattern.compile("localhost:8080(\\S*)").matcher(command);
            assertThat(curl.find()).as(command).isTrue();
            String path = curl.group(1).replace("<id>", String.valueOf(id));
            Matcher body = Pattern.compile("-d '([^']*)'").matcher(command);
            if (command.contains("-X POST")) {
                assertThat(body.find()).as(command).isTrue();
                id = http.submit(body.group(1));
            } else if (path.startsWith("/jobs/")) {
                JsonNode job = http.awaitFinished(id);
                assertThat(job.path("state").asString()).as(command).isEqualTo("done");
                assertThat(job.path("result").toString()).as(command).isEqualTo("{\"echo\":\"hello hello\"}");
            } else {
                assertThat(http.get(path).status()).as(command).isEqualTo(200);
            }
        }
    }

    /** Every {@code curl} command in the README's quick-start section, continuation lines joined. */
    private static List<String> quickStartCommands() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String quickStart = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## Using the starter"));
        List<String> commands = new ArrayList<>();
        for (String line : quickStart.replace("\\\n", " ").split("\n")) {
            if (line.startsWith("curl ")) {
                commands.add(line.replaceAll("\\s+", " "));
            }
        }
        return commands;
    }
}
