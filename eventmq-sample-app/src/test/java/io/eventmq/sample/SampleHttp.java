package io.eventmq.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sample's HTTP API over real HTTP, from a test: submit a job, read it, wait for it to finish. */
final class SampleHttp {

    private static final Duration FINISH_WITHIN = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final String base;

    SampleHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An HTTP answer: its status, {@code Content-Type} and {@code Location} (or empty), and its body as JSON. */
    record Answer(int status, String contentType, String location, JsonNode body) {
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Submits a job, checks the 202 and its {@code Location}, and returns the job's id. */
    String submit(String json) {
        Answer answer = post("/jobs", json);
        assertThat(answer.status()).as("POST /jobs %s: %s", json, answer.body()).isEqualTo(202);
        String id = answer.body().path("id").asString();
        assertThat(answer.location()).isEqualTo("/jobs/" + id);
        return id;
    }

    /** Polls {@code GET /jobs/{id}} until the job is no longer {@code sent}, and returns it. */
    JsonNode awaitFinished(String id) {
        return await().atMost(FINISH_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/jobs/" + id).body(), job -> !job.path("state").asString().equals("sent"));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? mapper.missingNode() : mapper.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
