package io.eventmq.spring;

import java.time.InstantSource;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.zeromq.ZContext;

import io.eventmq.client.Client;
import io.eventmq.device.Handlers;
import io.eventmq.device.ServiceListener;
import io.eventmq.device.ServiceListeners;
import io.eventmq.device.ServiceSettings;
import io.eventmq.device.WorkerService;
import io.eventmq.heartbeat.HeartbeatMonitor;
import io.eventmq.protocol.WeightedQueue;
import io.eventmq.router.Router;
import io.eventmq.scheduler.Scheduler;
import io.eventmq.transport.EmqpSocket;
import io.eventmq.transport.Poller;

/**
 * A worker that runs the application's {@link EmqpHandler} methods, made only when there is at least one. Its
 * parts are beans an application can see, customize or replace: the managed socket (the DEALER, rebuilt with a
 * new identity on reconnect), the poller its I/O thread waits on, and the heartbeat monitor whose counters the
 * health check reads. It starts when the context is ready and stops gracefully when it closes. The
 * {@link EmqpScheduled} declarations on handler methods are sent once everything has started.
 */
@AutoConfiguration(after = {EventMqAutoConfiguration.class, EventMqRouterAutoConfiguration.class},
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnBooleanProperty(name = "eventmq.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "eventmq.worker.enabled", matchIfMissing = true)
@ConditionalOnEmqpHandler
public final class EventMqWorkerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceSettings eventMqWorkerSettings(EventMqProperties properties, ObjectProvider<Router> router,
                                          ConfigurableListableBeanFactory beanFactory) {
        EventMqProperties.Worker worker = properties.getWorker();
        String address = RouterAddress.BACKEND.resolve(worker.getAddress(), router);
        List<WeightedQueue> queues = worker.getQueues().isEmpty()
                ? HandlerMethods.queues(HandlerMethods.declared(beanFactory)).stream()
                        .map(name -> new WeightedQueue(10, name)).toList()
                : worker.getQueues().stream().map(queue -> new WeightedQueue(queue.getWeight(), queue.getName()))
                        .toList();
        return worker.toSettings(address, queues, properties.getHeartbeat().toSettings(),
                properties.peerSocketOptions());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmqpSocket eventMqWorkerSocket(ZContext context, ServiceSettings settings,
                                   ObjectProvider<EventMqSocketCustomizer> customizers) {
        List<EventMqSocketCustomizer> all = customizers.orderedStream().toList();
        return EmqpSocket.dealer(context, settings.socket(), socket -> all.forEach(c -> c.customize(socket)));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Poller eventMqWorkerPoller() {
        return new Poller();
    }

    @Bean
    @ConditionalOnMissingBean
    HeartbeatMonitor eventMqWorkerHeartbeat(ServiceSettings settings) {
        return new HeartbeatMonitor(InstantSource.system(), settings.heartbeat());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    WorkerService eventMqWorker(ServiceSettings settings, EmqpSocket socket, Poller poller,
                                HeartbeatMonitor heartbeat, ObjectProvider<ServiceListener> listeners,
                                ObjectProvider<WorkerCustomizer> customizers) {
        WorkerService worker = new WorkerService(settings, socket, poller, heartbeat, new Handlers(),
                ServiceListeners.of(listeners.orderedStream().toList()), InstantSource.system());
        customizers.orderedStream().forEach(customizer -> customizer.customize(worker));
        return worker;
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventMqWorkerLifecycle")
    DeviceLifecycle eventMqWorkerLifecycle(WorkerService worker) {
        return new DeviceLifecycle(DeviceLifecycle.WORKER_PHASE, worker::start, worker::stopAsync,
                worker::isRunning);
    }

    @Bean
    @ConditionalOnMissingBean
    DeclaredSchedules eventMqDeclaredSchedules(ConfigurableListableBeanFactory beanFactory,
                                               ObjectProvider<Client> client, ObjectProvider<Scheduler> scheduler) {
        return new DeclaredSchedules(beanFactory, client.getIfAvailable(), scheduler.getIfAvailable());
    }

    @Bean
    static EmqpHandlerRegistrar eventMqHandlerRegistrar() {
        return new EmqpHandlerRegistrar();
    }
}
