package io.eventmq.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/** The sample over real HTTP, its router, worker and client on free loopback ports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sample.eventmq.frontend=tcp://127.0.0.1:*",
        "sample.eventmq.backend=tcp://127.0.0.1:*",
        "sample.eventmq.admin=tcp://127.0.0.1:*"})
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private Environment environment;

    @Test
    void startsAndSaysItIsUp(CapturedOutput output) {
        assertThat(output).contains("EventMQ sample application is up");
    }

    @Test
    void aJobRunsOnTheWorkerAndItsResultIsTheHttpAnswer() throws Exception {
        HttpResponse<String> response = get("/jobs/echo?arg=hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"echo\": \"hello\"}");
        assertThat(get("/jobs/upper?arg=shout").body()).isEqualTo("\"SHOUT\"");
    }

    @Test
    void aJobNoHandlerKnowsAnswersBadGatewayWithTheWorkersError() throws Exception {
        HttpResponse<String> response = get("/jobs/nosuch?arg=1");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"type\": \"NoHandler\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String port = environment.getRequiredProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
