package io.eventmq.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import io.eventmq.client.Client;
import io.eventmq.device.WorkerService;
import io.eventmq.router.Router;
import tools.jackson.databind.JsonNode;

/**
 * The two-process setup in one JVM: the sample with profile {@code router} (only a router, on free ports), and a
 * second one with profile {@code external} whose worker and client connect to it; a job goes through the second
 * one's HTTP API, the first one's router and back.
 */
class RouterAndExternalProfilesTest {

    private static ConfigurableApplicationContext router;
    private static ConfigurableApplicationContext external;

    @BeforeAll
    static void start() {
        router = new SpringApplicationBuilder(SampleApplication.class).profiles("router").run(
                "--eventmq.router.frontend=tcp://127.0.0.1:*", "--eventmq.router.backend=tcp://127.0.0.1:*",
                "--eventmq.router.admin=tcp://127.0.0.1:*", "--spring.main.banner-mode=off");
        Environment ports = router.getEnvironment();
        external = new SpringApplicationBuilder(SampleApplication.class).profiles("external").run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--eventmq.worker.address=tcp://127.0.0.1:" + ports.getProperty("local.eventmq.router.backend-port"),
                "--eventmq.client.address=tcp://127.0.0.1:" + ports.getProperty("local.eventmq.router.frontend-port"));
    }

    @AfterAll
    static void stop() {
        if (external != null) {
            external.close();
        }
        if (router != null) {
            router.close();
        }
    }

    @Test
    void theRouterProfileRunsOnlyARouter() {
        assertThat(router).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(router.getBeanNamesForType(Router.class)).hasSize(1);
        assertThat(router.getBeanNamesForType(WorkerService.class)).isEmpty();
        assertThat(router.getBeanNamesForType(Client.class)).isEmpty();
    }

    @Test
    void theExternalProfileRunsNoRouterButAWorkerAndAClient() {
        assertThat(external.getBeanNamesForType(Router.class)).isEmpty();
        assertThat(external.getBeanNamesForType(WorkerService.class)).hasSize(1);
        assertThat(external.getBeanNamesForType(Client.class)).hasSize(1);
    }

    @Test
    void aJobSubmittedToTheExternalAppRunsThroughTheRouterApp() {
        SampleHttp http = new SampleHttp(((WebServerApplicationContext) external).getWebServer().getPort());

        String id = http.submit("""
                {"path": "jobs", "callable": "echo", "args": ["across"]}""");
        JsonNode job = http.awaitFinished(id);

        assertThat(job.path("state").asString()).isEqualTo("done");
        assertThat(job.path("result").path("echo").asString()).isEqualTo("across");
        assertThat(router.getBean(Router.class).status().dispatched()).isPositive();
    }
}
