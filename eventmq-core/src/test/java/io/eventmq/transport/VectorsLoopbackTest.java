package io.eventmq.transport;

import static io.eventmq.transport.Loopback.receive;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Message;
import io.eventmq.testing.Vectors;
import io.eventmq.testing.Vectors.Entry;

/** Every well-formed message of the recorded sessions, through real sockets, arrives frame for frame. */
@Timeout(30)
class VectorsLoopbackTest {

    private final SocketOptions options = SocketOptions.DEFAULTS.withLinger(Duration.ZERO);
    private ZContext context;
    private EmqpSocket router;
    private String endpoint;

    @BeforeEach
    void bind() {
        context = new ZContext();
        router = EmqpSocket.router(context, options);
        endpoint = router.bind("tcp://127.0.0.1:*");
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void theRouterSessionTravelsBothWaysUnchanged() {
        EmqpSocket dealer = EmqpSocket.dealer(context, options);
        dealer.connect(endpoint);
        int sent = 0;
        for (Entry entry : Vectors.load(Vectors.ROUTER_SESSION)) {
            if (entry.frames().size() < 4) {
                continue;
            }
            Message message = Codec.decodeDealer(entry.frames());
            assertThat(dealer.send(message)).isTrue();
            Message arrived = receive(router);
            assertThat(arrived).isEqualTo(message.from(dealer.identity()));

            assertThat(router.send(arrived.sender(), message)).isTrue();
            assertThat(Codec.encodeDealer(receive(dealer))).isEqualTo(entry.frames());
            sent++;
        }
        assertThat(sent).isEqualTo(38);
    }

    @Test
    void theJobManagerSessionTravelsUnchangedToItsRecordedIdentities() {
        List<Entry> session = Vectors.load(Vectors.JOBMANAGER_SESSION);
        EmqpSocket dealer = EmqpSocket.dealer(context, options);
        dealer.setIdentity(session.get(0).frames().get(0));
        dealer.connect(endpoint);
        dealer.send(Codec.decodeRouter(session.get(0).frames()));
        assertThat(receive(router).sender()).isEqualTo("e4614f86-eed8-4c82-b48c-dba193f0627e");

        int sent = 0;
        for (Entry entry : session) {
            if (!entry.dir().equals("to-jobmanager") || entry.frames().size() < 5
                    || !entry.frames().get(0).equals(dealer.identity())) {
                continue;
            }
            Message message = Codec.decodeRouter(entry.frames());
            assertThat(router.send(message.sender(), message)).isTrue();
            assertThat(Codec.encodeRouter(dealer.identity(), receive(dealer))).isEqualTo(entry.frames());
            sent++;
        }
        assertThat(sent).as("ACK, four REQUESTs, HEARTBEAT, BOGUS, DISCONNECT").isEqualTo(8);
    }
}
