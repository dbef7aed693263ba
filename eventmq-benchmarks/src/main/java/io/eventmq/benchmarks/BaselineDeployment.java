package io.eventmq.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.ZContext;

/** A running baseline; closes client, workers, broker and then the context. */
final class BaselineDeployment implements Deployment {

    private final ZContext context;
    private final BaselineBroker broker;
    private final List<BaselineWorker> workers;
    private final RawEmqpClient client;

    /** {@code client} is {@code null} when starting failed before it was made. */
    BaselineDeployment(ZContext context, BaselineBroker broker, List<BaselineWorker> workers,
                       RawEmqpClient client) {
        this.context = context;
        this.broker = broker;
        this.workers = List.copyOf(workers);
        this.client = client;
    }

    @Override
    public String submit(String payload) {
        return client.submit(payload);
    }

    @Override
    public String awaitReply(Duration timeout) {
        return client.awaitReply(timeout);
    }

    @Override
    public String frontendEndpoint() {
        return broker.frontendEndpoint();
    }

    @Override
    public boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        return broker.awaitWaiting(count, timeout);
    }

    @Override
    public List<Thread> routerThreads() {
        return List.of(broker.thread());
    }

    @Override
    public List<Thread> workerThreads() {
        List<Thread> threads = new ArrayList<>(workers.size());
        workers.forEach(worker -> threads.add(worker.thread()));
        return threads;
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
            workers.forEach(BaselineWorker::close);
            broker.close();
        } finally {
            context.close();
        }
    }
}
