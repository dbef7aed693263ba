package io.eventmq.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTest {

    @Test
    void startsAndSaysItIsUp(CapturedOutput output) {
        assertThat(output).contains("EventMQ sample application is up");
    }
}
