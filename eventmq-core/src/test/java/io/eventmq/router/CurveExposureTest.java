package io.eventmq.router;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bound endpoints count as reachable from this host only, for the WARN of a router without CURVE. */
class CurveExposureTest {

    @Test
    void loopbackInprocAndIpcAreLocal() {
        assertThat(RouterLoop.loopback("tcp://127.0.0.1:47290")).isTrue();
        assertThat(RouterLoop.loopback("tcp://localhost:47290")).isTrue();
        assertThat(RouterLoop.loopback("tcp://[::1]:47290")).isTrue();
        assertThat(RouterLoop.loopback("inproc://router")).isTrue();
        assertThat(RouterLoop.loopback("ipc:///tmp/router")).isTrue();
    }

    @Test
    void everyInterfaceOrAnotherAddressIsExposed() {
        assertThat(RouterLoop.loopback("tcp://0.0.0.0:47290")).isFalse();
        assertThat(RouterLoop.loopback("tcp://*:47290")).isFalse();
        assertThat(RouterLoop.loopback("tcp://10.1.2.3:47290")).isFalse();
        assertThat(RouterLoop.loopback("tcp://[::]:47290")).isFalse();
    }
}
