package io.eventmq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void readsTheSchedulingPolicyByNameOnLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc here");

        assertThat(Machine.schedulingPolicy()).isIn("SCHED_OTHER", "SCHED_BATCH", "SCHED_IDLE", "SCHED_FIFO",
                "SCHED_RR", "SCHED_DEADLINE");
    }

    @Test
    void namesTheJarJeroMqsSignalerCameFrom() {
        assertThat(Machine.signalerOrigin()).isEqualTo("jeromq-0.6.0.jar");
    }
}
