package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;

/**
 * A job thread sends its REPLY and READY itself when the I/O thread waits, one wake-up fewer per job; what the
 * router sees is the same as from the I/O thread.
 */
class WorkerReplyThreadTest extends ScriptedRouterTest {

    private static final int JOBS = 20;

    @Test
    void aJobThreadSendsItsReplyItselfWhileTheIoThreadWaits() {
        List<String> replyThreads = new CopyOnWriteArrayList<>();
        ServiceListener threads = new ServiceListener() {
            @Override
            public void messageSent(Message message) {
                if (message.command() == Command.REPLY) {
                    replyThreads.add(Thread.currentThread().getName());
                }
            }
        };
        worker = new WorkerService(context, TestSettings.worker(router.endpoint(), 1),
                new Handlers().onAnyRequest(job -> "done " + job.payload()), threads, InstantSource.system());
        worker.start();
        String identity = router.acceptInform().sender();
        router.expect(Command.READY);

        for (int i = 0; i < JOBS; i++) {
            router.send(identity, TestSettings.request("job-" + i, "reply-requested", "p" + i));

            Message reply = router.expect(Command.REPLY);
            assertThat(reply.body()).containsExactly("{\"value\": \"done p" + i + "\"}", "job-" + i);
            assertThat(router.expect(Command.READY).sender()).isEqualTo(identity);
        }

        assertThat(replyThreads).hasSize(JOBS).anySatisfy(name -> assertThat(name).contains("-job-"));
        assertThat(worker.status().runningJobs()).isZero();
        assertThat(worker.status().jobsSucceeded()).isEqualTo(JOBS);
    }
}
