package io.eventmq.router;

import static io.eventmq.router.RouterFixture.JOB;
import static io.eventmq.router.RouterFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.eventmq.testing.RawDealer;

/** A peer sending garbage gets a few log lines, not one a message, and cannot write lines of its own. */
class RouterLogTest {

    private static final String FORGED = "\nERROR io.eventmq.router.Router - forged";

    private final Logger logger = (Logger) LoggerFactory.getLogger(Router.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final RouterFixture fixture;

    RouterLogTest() {
        lines.start();
        logger.addAppender(lines);
        fixture = new RouterFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
        logger.detachAppender(lines);
    }

    @Test
    void tenThousandMalformedMessagesMakeAFewEscapedWarnings() {
        RawDealer worker = fixture.worker("worker-1", "", 0);
        RawDealer client = fixture.frontend("client\r\n");
        for (int i = 0; i < 2_500; i++) {
            client.sendMessage("NONSENSE", "m-" + i + FORGED);
            client.send(List.of("", "eMQP/0.9" + FORGED, "REQUEST", "v-" + i));
            worker.sendMessage("INFORM", "i-" + i + FORGED, "not json" + FORGED, "worker");
            worker.sendMessage("REPLY", "r-" + i + FORGED, "{}", "unknown" + FORGED);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.router.drops(DropReason.INVALID_FRONTEND)).isEqualTo(5_000);
            assertThat(fixture.router.drops(DropReason.INVALID_BACKEND)).isEqualTo(2_500);
            assertThat(fixture.router.drops(DropReason.RESULT_UNMATCHED)).isEqualTo(2_500);
        });
        client.sendMessage("REQUEST", "good", "default", "", JOB);
        worker.ready(1);
        assertThat(worker.receive("REQUEST").get(3)).isEqualTo("good");

        List<ILoggingEvent> warnings = lines.list.stream().filter(line -> line.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSizeBetween(3, 6);
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"))
                .anySatisfy(line -> assertThat(line).contains("\\nERROR io.eventmq.router.Router - forged"));
    }
}
