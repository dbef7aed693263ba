package io.eventmq.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** Several application listeners as the one a router takes. */
class RouterListenersTest {

    @Test
    void eachListenerIsToldEveryEventInTurn() {
        List<String> heard = new CopyOnWriteArrayList<>();
        RouterListener first = recording("first", heard);
        RouterListener second = recording("second", heard);

        RouterListener both = RouterListeners.of(List.of(first, second));
        both.peerJoined(PeerType.WORKER, "w-1");
        both.dispatched("default", "w-1", "m-1");
        both.dropped(DropReason.INVALID_BACKEND, "two frames");

        assertThat(heard).containsExactly("first joined w-1", "second joined w-1", "first dispatched m-1",
                "second dispatched m-1", "first dropped INVALID_BACKEND", "second dropped INVALID_BACKEND");
    }

    @Test
    void oneListenerIsTakenAsItIs() {
        RouterListener only = recording("only", new CopyOnWriteArrayList<>());

        assertThat(RouterListeners.of(List.of(only))).isSameAs(only);
    }

    private static RouterListener recording(String name, List<String> heard) {
        return new RouterListener() {
            @Override
            public void peerJoined(PeerType type, String id) {
                heard.add(name + " joined " + id);
            }

            @Override
            public void dispatched(String queue, String workerId, String msgid) {
                heard.add(name + " dispatched " + msgid);
            }

            @Override
            public void dropped(DropReason reason, String detail) {
                heard.add(name + " dropped " + reason);
            }
        };
    }
}
