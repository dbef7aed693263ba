package io.eventmq.sample;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.client.ClientSettings;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.WorkerService;
import io.eventmq.router.Router;
import io.eventmq.router.RouterEndpoints;
import io.eventmq.router.RouterSettings;

/**
 * An EventMQ router, a worker and a client in one application, wired by hand from {@link SampleProperties}.
 * Spring stops them in reverse order: client, worker (its running jobs finish, then KBYE), router, context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
class EventMqConfiguration {

    @Bean(destroyMethod = "close")
    ZContext zContext() {
        return new ZContext();
    }

    @Bean(destroyMethod = "close")
    Router router(ZContext context, SampleProperties properties) {
        return new Router(context, RouterSettings.DEFAULTS
                .withAddresses(properties.frontend(), properties.backend(), properties.admin()));
    }

    @Bean
    RouterEndpoints routerEndpoints(Router router) {
        return router.start();
    }

    /** Runs the reference's jobs {@code jobs.echo} and {@code jobs.upper}. */
    @Bean(destroyMethod = "stop")
    WorkerService worker(ZContext context, RouterEndpoints endpoints, SampleProperties properties) {
        Handlers handlers = new Handlers()
                .onJob("jobs", "echo", job -> Map.of("echo", job.jobPayload().args().get(0)))
                .onJob("jobs", "upper", job -> job.jobPayload().args().get(0).asString().toUpperCase(Locale.ROOT));
        WorkerService worker = new WorkerService(context, ServiceSettings.DEFAULTS
                .withAddress(endpoints.backend())
                .withConcurrency(properties.concurrency()), handlers);
        worker.start();
        return worker;
    }

    @Bean(destroyMethod = "close")
    Client client(ZContext context, RouterEndpoints endpoints) {
        Client client = new Client(context, ClientSettings.DEFAULTS.withAddress(endpoints.frontend()));
        client.start();
        return client;
    }
}
