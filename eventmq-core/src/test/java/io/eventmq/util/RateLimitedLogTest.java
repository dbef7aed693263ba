package io.eventmq.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class RateLimitedLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(RateLimitedLogTest.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimitedLog log = new RateLimitedLog(logger, Duration.ofSeconds(10), nanos::get);

    RateLimitedLogTest() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    @Test
    void oneLinePerKindPerIntervalAndTheNextSaysHowManyWereNotLogged() {
        for (int i = 0; i < 1000; i++) {
            log.warn("A", "a " + i);
            log.warn("B", "b " + i);
        }
        nanos.set(Duration.ofSeconds(10).toNanos());
        log.warn("A", "a late");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("a 0", "b 0",
                "a late (999 more A not logged before this one)");
    }

    @Test
    void flushReportsWhatWasNotLoggedOnceTheIntervalHasPassed() {
        log.warn("A", "a 0");
        log.warn("A", "a 1");
        log.flush();
        nanos.set(Duration.ofSeconds(11).toNanos());
        log.flush();
        log.flush();

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("a 0",
                "1 more A not logged in the last 11 s");
    }

    @Test
    void aBurstOfInfoLinesPerIntervalAtInfoLevel() {
        RateLimitedLog bursts = new RateLimitedLog(logger, Duration.ofSeconds(10), 3, nanos::get);
        for (int i = 0; i < 100; i++) {
            bursts.info("joins", "joined " + i);
        }
        nanos.set(Duration.ofSeconds(10).toNanos());
        bursts.flush();
        bursts.info("joins", "joined late");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("joined 0",
                "joined 1", "joined 2", "97 more joins not logged in the last 10 s", "joined late");
        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.INFO);
    }
}
