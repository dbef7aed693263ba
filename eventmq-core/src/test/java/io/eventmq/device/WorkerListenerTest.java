package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;

import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/** The application's {@link ServiceListener} is told what happens, and cannot break the service by throwing. */
class WorkerListenerTest extends ScriptedRouterTest {

    @Test
    void aListenerThatThrowsOnEveryEventDoesNotStopTheWorker() {
        ServiceListener throwing = new ServiceListener() {
            @Override
            public void stateChanged(ServiceState previous, ServiceState current) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void messageReceived(Message message) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void messageSent(Message message) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void jobStarted(String msgid, String queue) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void jobFinished(JobReport job) {
                throw new IllegalStateException("listener bug");
            }
        };
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 1),
                new Handlers().onAnyRequest(job -> "done " + job.payload()), throwing, InstantSource.system());
        worker.start();
        String identity = router.acceptInform().sender();
        router.expect(Command.READY);

        router.send(identity, TestSettings.request("job-1", "reply-requested", "a"));

        assertThat(router.expect(Command.REPLY).body()).containsExactly("{\"value\": \"done a\"}", "job-1");
        assertThat(router.expect(Command.READY).sender()).isEqualTo(identity);
        assertThat(worker.state()).isEqualTo(ServiceState.CONNECTED);
    }
}
