package io.eventmq.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.handler.annotation.Header;

import io.eventmq.client.JobFailedException;
import io.eventmq.spring.EmqpHandler;
import io.eventmq.spring.EmqpMessageHeaders;
import io.eventmq.spring.EmqpTemplate;

/** An application using only the starter, on an embedded router on free ports: jobs go round trip. */
@SpringBootTest(classes = EmbeddedEventMqTest.App.class)
@EmbeddedEventMq
class EmbeddedEventMqTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    record Order(String item, int quantity) {
    }

    record Receipt(String item, int total, String queue) {
    }

    @SpringBootApplication
    static class App {

        final CountDownLatch slowStarted = new CountDownLatch(3);
        final CountDownLatch slowRelease = new CountDownLatch(1);

        @EmqpHandler(queue = "orders")
        Receipt order(Order order, @Header(EmqpMessageHeaders.QUEUE) String queue) {
            return new Receipt(order.item(), order.quantity() * 3, queue);
        }

        @EmqpHandler(queue = "email")
        String email(String text) {
            if (text.contains("boom")) {
                throw new IllegalArgumentException("no mail for " + text);
            }
            return "sent " + text;
        }

        @EmqpHandler(path = "jobs", callable = "greet")
        Map<String, Object> greet(String name, int times, String punctuation) {
            return Map.of("greeting", ("hello " + name).repeat(times) + punctuation);
        }

        @EmqpHandler(queue = "slow")
        String slow(String payload) throws InterruptedException {
            slowStarted.countDown();
            slowRelease.await(20, TimeUnit.SECONDS);
            return "done " + payload;
        }
    }

    @Autowired
    EmqpTemplate template;

    @Autowired
    App app;

    @Test
    void aTypedPayloadGoesRoundTripAsJson() throws Exception {
        Receipt receipt = template.request("orders", new Order("tea", 2), Receipt.class)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(receipt).isEqualTo(new Receipt("tea", 6, "orders"));
    }

    @Test
    void aReferenceJobBindsArgsByPositionAndKwargsByName() throws Exception {
        Map<String, String> result = template.call("default", "jobs", "greet", List.of("ada", 2),
                Map.of("punctuation", "!"), Map.class).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(result).containsEntry("greeting", "hello adahello ada!");
    }

    @Test
    void aGenericResultIsReadWithItsType() throws Exception {
        Map<String, String> result = template.request("default",
                "[\"run\", {\"path\": \"jobs\", \"callable\": \"greet\", \"args\": [\"bo\", 1, \"?\"]}]",
                new ParameterizedTypeReference<Map<String, String>>() { }).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(result).containsExactly(Map.entry("greeting", "hello bo?"));
    }

    @Test
    void aThrowingHandlerFailsTheFutureWithItsTypeAndMessage() {
        CompletableFuture<String> result = template.request("email", "boom@example.com", String.class);

        assertThatThrownBy(() -> result.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(JobFailedException.class,
                        failed -> {
                            assertThat(failed.type()).isEqualTo("IllegalArgumentException");
                            assertThat(failed.errorMessage()).isEqualTo("no mail for boom@example.com");
                        });
        assertThat(template.request("email", "ok@example.com", String.class))
                .succeedsWithin(WAIT).isEqualTo("sent ok@example.com");
    }

    @Test
    void closingTheContextWithJobsRunningLosesNone() throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(App.class,
                "--eventmq.router.enabled=true", "--eventmq.router.frontend=tcp://127.0.0.1:*",
                "--eventmq.router.backend=tcp://127.0.0.1:*", "--eventmq.router.admin=tcp://127.0.0.1:*",
                "--eventmq.worker.concurrency=3", "--eventmq.worker.grace-period=10s", "--spring.main.banner-mode=off");
        App running = context.getBean(App.class);
        EmqpTemplate sender = context.getBean(EmqpTemplate.class);
        List<CompletableFuture<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(sender.request("slow", "job-" + i, String.class));
        }
        assertThat(running.slowStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
        running.slowRelease.countDown();
        closed.get(30, TimeUnit.SECONDS);

        assertThat(jobs).allSatisfy(job -> assertThat(job).succeedsWithin(WAIT));
        assertThat(jobs.stream().map(CompletableFuture::join)).containsExactly("done job-0", "done job-1", "done job-2");
    }
}
