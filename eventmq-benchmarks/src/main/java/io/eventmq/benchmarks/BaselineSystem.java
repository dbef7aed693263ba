package io.eventmq.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.ZContext;

/**
 * The physical limit: {@link BaselineBroker}, {@link BaselineWorker}s and a {@link RawEmqpClient}, sharing one
 * ZeroMQ context with one I/O thread.
 */
final class BaselineSystem implements QueueSystem {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public Deployment start(int workers, int slotsPerWorker) throws InterruptedException {
        ZContext context = new ZContext(1);
        BaselineBroker broker = new BaselineBroker(context, workers * slotsPerWorker);
        List<BaselineWorker> started = new ArrayList<>(workers);
        RawEmqpClient client = null;
        try {
            broker.start();
            for (int number = 0; number < workers; number++) {
                BaselineWorker worker = new BaselineWorker(context, broker.backendEndpoint(), slotsPerWorker, number);
                worker.start();
                started.add(worker);
            }
            client = new RawEmqpClient(context, broker.frontendEndpoint());
            if (!broker.awaitCredits(START_TIMEOUT)) {
                throw new IllegalStateException("baseline workers not ready within " + START_TIMEOUT);
            }
            return new BaselineDeployment(context, broker, started, client);
        } catch (RuntimeException | InterruptedException e) {
            new BaselineDeployment(context, broker, started, client).close();
            throw e;
        }
    }
}
