package io.eventmq.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.eventmq.testing.MutableClock;

/** The reference's defaults: HEARTBEAT every 3 s, a miss each 5 s of silence, dead after 3 misses. */
class HeartbeatMonitorTest {

    private static final Duration MS = Duration.ofMillis(1);

    private final MutableClock clock = new MutableClock();
    private final HeartbeatMonitor monitor = new HeartbeatMonitor(clock, HeartbeatSettings.DEFAULTS);

    @Test
    void aHeartbeatIsDueOneIntervalAfterTheStart() {
        clock.advance(Duration.ofMillis(2_999));
        assertThat(monitor.shouldSend()).isFalse();

        clock.advance(MS);
        assertThat(monitor.shouldSend()).isTrue();

        clock.advance(Duration.ofSeconds(10));
        assertThat(monitor.shouldSend()).as("still due until something is sent").isTrue();
    }

    @Test
    void sendingAnythingPutsTheNextHeartbeatOneIntervalLater() {
        clock.advance(Duration.ofSeconds(2));
        monitor.sent();

        clock.advance(Duration.ofMillis(2_999));
        assertThat(monitor.shouldSend()).isFalse();
        clock.advance(MS);
        assertThat(monitor.shouldSend()).isTrue();

        monitor.sent();
        assertThat(monitor.shouldSend()).isFalse();
        clock.advance(Duration.ofMillis(2_999));
        assertThat(monitor.shouldSend()).isFalse();
        clock.advance(MS);
        assertThat(monitor.shouldSend()).isTrue();
    }

    @Test
    void receivingDoesNotChangeWhenToSend() {
        clock.advance(Duration.ofSeconds(3));
        monitor.received();

        assertThat(monitor.shouldSend()).isTrue();
    }

    @Test
    void aMissCountsOncePerTimeoutWindowOfSilence() {
        clock.advance(Duration.ofMillis(4_999));
        assertThat(monitor.checkMiss()).isFalse();
        assertThat(monitor.misses()).isZero();

        clock.advance(MS);
        assertThat(monitor.checkMiss()).isTrue();
        assertThat(monitor.misses()).isEqualTo(1);
        assertThat(monitor.checkMiss()).as("the same window counts once").isFalse();
        assertThat(monitor.misses()).isEqualTo(1);

        assertMissExactlyOneTimeoutLater("the next window");
        assertThat(monitor.misses()).isEqualTo(2);
    }

    @Test
    void theNextWindowStartsWhenTheMissIsCounted() {
        clock.advance(Duration.ofSeconds(7));
        assertThat(monitor.checkMiss()).isTrue();

        assertMissExactlyOneTimeoutLater("the next window");
        assertThat(monitor.misses()).isEqualTo(2);
    }

    @Test
    void deadAfterLivenessMissesAndNotBefore() {
        for (int miss = 1; miss <= 3; miss++) {
            assertThat(monitor.isDead()).as("after %d misses", miss - 1).isFalse();
            clock.advance(Duration.ofSeconds(5));
            assertThat(monitor.checkMiss()).isTrue();
        }

        assertThat(monitor.misses()).isEqualTo(3);
        assertThat(monitor.isDead()).isTrue();
        clock.advance(Duration.ofSeconds(5));
        monitor.checkMiss();
        assertThat(monitor.isDead()).as("stays dead").isTrue();
    }

    @Test
    void livenessOfOneIsDeadAtTheFirstMiss() {
        HeartbeatMonitor impatient = new HeartbeatMonitor(clock,
                new HeartbeatSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 1, true));

        clock.advance(Duration.ofSeconds(2));
        impatient.checkMiss();

        assertThat(impatient.isDead()).isTrue();
    }

    @Test
    void anythingReceivedClearsTheMissesAndStartsANewWindow() {
        clock.advance(Duration.ofSeconds(5));
        monitor.checkMiss();
        clock.advance(Duration.ofSeconds(5));
        monitor.checkMiss();
        assertThat(monitor.misses()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(4));
        monitor.received();

        assertThat(monitor.misses()).isZero();
        assertThat(monitor.isDead()).isFalse();
        assertMissExactlyOneTimeoutLater("the window restarted at the message");
        assertThat(monitor.misses()).isEqualTo(1);
    }

    @Test
    void aPeerThatKeepsTalkingIsNeverDead() {
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(4_900));
            monitor.received();
            assertThat(monitor.checkMiss()).isFalse();
        }
        assertThat(monitor.misses()).isZero();
    }

    @Test
    void resetForgetsMissesAndRestartsBothClocks() {
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(5));
            monitor.checkMiss();
        }
        assertThat(monitor.isDead()).isTrue();
        assertThat(monitor.shouldSend()).isTrue();

        monitor.reset();

        assertThat(monitor.isDead()).isFalse();
        assertThat(monitor.misses()).isZero();
        assertThat(monitor.shouldSend()).isFalse();
        assertThat(monitor.millisUntilNextDeadline()).isEqualTo(3_000);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(monitor.checkMiss()).isFalse();
    }

    @Test
    void theNextDeadlineIsTheEarlierOfSendingAndMissing() {
        assertThat(monitor.millisUntilNextDeadline()).isEqualTo(3_000);

        clock.advance(Duration.ofSeconds(1));
        assertThat(monitor.millisUntilNextDeadline()).isEqualTo(2_000);

        clock.advance(Duration.ofSeconds(2));
        monitor.sent();
        assertThat(monitor.millisUntilNextDeadline()).as("the miss at 5 s comes before the send at 6 s")
                .isEqualTo(2_000);

        clock.advance(Duration.ofSeconds(2));
        monitor.checkMiss();
        assertThat(monitor.millisUntilNextDeadline()).as("the send at 6 s").isEqualTo(1_000);

        monitor.received();
        clock.advance(Duration.ofMillis(400));
        assertThat(monitor.millisUntilNextDeadline()).isEqualTo(600);
    }

    @Test
    void theNextDeadlineIsNeverNegative() {
        clock.advance(Duration.ofSeconds(60));

        assertThat(monitor.millisUntilNextDeadline()).isZero();
    }

    @Test
    void aClockThatStepsBackDoesNotSilenceHeartbeatsOrMisses() {
        clock.advance(Duration.ofHours(-1));

        assertThat(monitor.shouldSend()).isFalse();
        assertThat(monitor.millisUntilNextDeadline()).isEqualTo(3_000);
        clock.advance(Duration.ofSeconds(3));
        assertThat(monitor.shouldSend()).as("one interval after the step").isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(monitor.checkMiss()).as("one timeout after the step").isTrue();
    }

    @Test
    void disabledNeverSendsNeverMissesAndHasNoDeadline() {
        HeartbeatMonitor disabled = new HeartbeatMonitor(clock, HeartbeatSettings.DISABLED);

        clock.advance(Duration.ofHours(1));

        assertThat(disabled.isEnabled()).isFalse();
        assertThat(disabled.shouldSend()).isFalse();
        assertThat(disabled.checkMiss()).isFalse();
        assertThat(disabled.misses()).isZero();
        assertThat(disabled.isDead()).isFalse();
        assertThat(disabled.millisUntilNextDeadline()).isEqualTo(HeartbeatMonitor.NO_DEADLINE).isNegative();
        assertThat(monitor.isEnabled()).isTrue();
    }

    @Test
    void answersItsSettings() {
        assertThat(monitor.settings()).isSameAs(HeartbeatSettings.DEFAULTS);
    }

    @Test
    void clockAndSettingsAreRequired() {
        assertThatThrownBy(() -> new HeartbeatMonitor(null, HeartbeatSettings.DEFAULTS))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HeartbeatMonitor(clock, null)).isInstanceOf(NullPointerException.class);
    }

    /** The window's miss comes at the 5 s timeout, not a millisecond before. */
    private void assertMissExactlyOneTimeoutLater(String window) {
        clock.advance(Duration.ofMillis(4_999));
        assertThat(monitor.checkMiss()).as("%s, 1 ms before the timeout", window).isFalse();
        clock.advance(MS);
        assertThat(monitor.checkMiss()).as("%s, at the timeout", window).isTrue();
    }
}
