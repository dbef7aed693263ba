package io.eventmq.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventmq.spring.test.EmbeddedEventMq;
import tools.jackson.databind.JsonNode;

/** The sample in its default profile over real HTTP: router, worker and client in the test JVM on free ports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedEventMq
class SampleApplicationTest {

    @LocalServerPort
    int port;

    SampleHttp http;

    @BeforeEach
    void connect() {
        http = new SampleHttp(port);
    }

    @Test
    void aReferenceJobRunsOnTheDefaultQueueWithArgsAndKwargs() {
        String id = http.submit("""
                {"path": "jobs", "callable": "echo", "args": ["hello"], "kwargs": {"times": 2}}""");

        JsonNode job = http.awaitFinished(id);

        assertThat(job.path("state").asString()).isEqualTo("done");
        assertThat(job.path("queue").asString()).isEqualTo("default");
        assertThat(job.path("result").path("echo").asString()).isEqualTo("hello hello");
    }

    @Test
    void anEmailPayloadRunsOnTheEmailQueueAsATypedRecord() {
        String id = http.submit("""
                {"queue": "email", "payload": {"to": "ada@example.com", "subject": "Hi", "body": "Hello, Ada"}}""");

        JsonNode job = http.awaitFinished(id);

        assertThat(job.path("state").asString()).isEqualTo("done");
        assertThat(job.path("queue").asString()).isEqualTo("email");
        assertThat(job.path("result").path("to").asString()).isEqualTo("ada@example.com");
        assertThat(job.path("result").path("characters").asInt()).isEqualTo(10);
    }

    @Test
    void aSlowJobShowsSentWhileItRunsThenDone() {
        String id = http.submit("""
                {"path": "jobs", "callable": "sleep", "args": [2.5]}""");

        assertThat(http.get("/jobs/" + id).body().path("state").asString()).isEqualTo("sent");
        JsonNode job = http.awaitFinished(id);

        assertThat(job.path("state").asString()).isEqualTo("done");
        assertThat(job.path("result").path("slept").asDouble()).isEqualTo(2.5);
    }

    @Test
    void aFailingJobShowsTheWorkersError() {
        String id = http.submit("""
                {"path": "jobs", "callable": "fail", "kwargs": {"reason": "testing"}}""");

        JsonNode job = http.awaitFinished(id);

        assertThat(job.path("state").asString()).isEqualTo("failed");
        assertThat(job.path("error").path("type").asString()).isEqualTo("IllegalStateException");
        assertThat(job.path("error").path("message").asString()).isEqualTo("jobs.fail failed on purpose: testing");
    }

    @Test
    void aJobNobodyHandlesFailsWithNoHandler() {
        String id = http.submit("""
                {"path": "jobs", "callable": "nobody"}""");

        JsonNode job = http.awaitFinished(id);

        assertThat(job.path("state").asString()).isEqualTo("failed");
        assertThat(job.path("error").path("type").asString()).isEqualTo("NoHandler");
        assertThat(job.path("error").path("message").asString()).contains("jobs", "nobody");
    }

    @Test
    void theListShowsTheNewestJobFirst() {
        String first = http.submit("""
                {"path": "jobs", "callable": "echo", "args": ["first"]}""");
        String second = http.submit("""
                {"path": "jobs", "callable": "echo", "args": ["second"]}""");

        List<String> ids = http.get("/jobs").body().valueStream().map(job -> job.path("id").asString()).toList();

        assertThat(ids).containsSubsequence(second, first);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                              | queue
            {"queue": "", "payload": {}}                                    | queue
            {"queue": "email"}                                              | payload
            {"queue": "email", "payload": {}, "path": "jobs"}               | path
            {"queue": "email", "payload": {}, "args": [1]}                  | args
            {"path": "jobs"}                                                | callable
            {"callable": "echo"}                                            | path
            {"path": "jobs", "callable": "echo", "payload": {}}             | payload
            """)
    void anInvalidBodyIsABadRequestNamingTheField(String body, String field) {
        SampleHttp.Answer answer = http.post("/jobs", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().path("field").asString()).isEqualTo(field);
        assertThat(answer.body().path("detail").asString()).isNotBlank();
    }

    @Test
    void anUnknownJobIsNotFoundAsProblemJson() {
        SampleHttp.Answer answer = http.get("/jobs/no-such-job");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().path("detail").asString()).contains("no-such-job");
    }

    @Test
    void healthIsUpAndMetricsAreExposed() {
        SampleHttp.Answer health = http.get("/actuator/health");
        SampleHttp.Answer metrics = http.get("/actuator/metrics");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("UP");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body().path("names").valueStream().map(JsonNode::asString)).contains("jvm.memory.used");
    }
}
