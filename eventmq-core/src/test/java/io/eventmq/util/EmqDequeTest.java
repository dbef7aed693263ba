package io.eventmq.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class EmqDequeTest {

    private final List<String> refused = new ArrayList<>();

    @Test
    void withoutLimitsEverythingIsAdded() {
        EmqDeque<String> deque = new EmqDeque<>();

        for (int i = 0; i < 10_000; i++) {
            assertThat(deque.append("r" + i)).isTrue();
            assertThat(deque.appendLeft("l" + i)).isTrue();
        }
        assertThat(deque.extend(List.of("a", "b"))).isTrue();

        assertThat(deque.size()).isEqualTo(20_002);
        assertThat(deque.isFull()).isFalse();
        assertThat(deque.isPfull()).isFalse();
        assertThat(deque.full()).isZero();
        assertThat(deque.pfull()).isZero();
    }

    @Test
    void fullZeroIsUnlimitedEvenWithACallback() {
        EmqDeque<String> deque = new EmqDeque<>(0, refused::add);

        for (int i = 0; i < 1_000; i++) {
            assertThat(deque.append("x" + i)).isTrue();
        }
        assertThat(deque.isFull()).isFalse();
        assertThat(refused).isEmpty();
    }

    @Test
    void appendIsRefusedAtTheHardLimitAndTheCallbackGetsTheItem() {
        EmqDeque<String> deque = new EmqDeque<>(3, refused::add);

        assertThat(deque.append("a")).isTrue();
        assertThat(deque.append("b")).isTrue();
        assertThat(deque.isFull()).isFalse();
        assertThat(deque.append("c")).isTrue();
        assertThat(deque.isFull()).isTrue();

        assertThat(deque.append("d")).isFalse();
        assertThat(deque.appendLeft("e")).isFalse();

        assertThat(refused).containsExactly("d", "e");
        assertThat(deque).containsExactly("a", "b", "c");
        assertThat(deque.size()).isEqualTo(3);
    }

    @Test
    void removingOneBelowTheLimitAllowsOneMore() {
        EmqDeque<String> deque = new EmqDeque<>(2, refused::add);
        deque.append("a");
        deque.append("b");

        assertThat(deque.popLeft()).isEqualTo("a");
        assertThat(deque.isFull()).isFalse();
        assertThat(deque.appendLeft("c")).isTrue();
        assertThat(deque.isFull()).isTrue();
        assertThat(deque.append("d")).isFalse();
        assertThat(deque).containsExactly("c", "b");
        assertThat(refused).containsExactly("d");
    }

    @Test
    void aLimitOfOneHoldsOne() {
        EmqDeque<String> deque = new EmqDeque<>(1, refused::add);

        assertThat(deque.isFull()).isFalse();
        assertThat(deque.append("a")).isTrue();
        assertThat(deque.isFull()).isTrue();
        assertThat(deque.isPfull()).isTrue();
        assertThat(deque.append("b")).isFalse();
        assertThat(refused).containsExactly("b");
    }

    @Test
    void pfullDefaultsToFull() {
        EmqDeque<String> deque = new EmqDeque<>(3, refused::add);

        assertThat(deque.pfull()).isEqualTo(3);
        deque.append("a");
        deque.append("b");
        assertThat(deque.isPfull()).isFalse();
        deque.append("c");
        assertThat(deque.isPfull()).isTrue();
        assertThat(deque.isFull()).isTrue();
    }

    @Test
    void pfullBelowFullWarnsBeforeAddsAreRefused() {
        EmqDeque<String> deque = new EmqDeque<>(4, 2, refused::add);

        deque.append("a");
        assertThat(deque.isPfull()).isFalse();
        deque.append("b");
        assertThat(deque.isPfull()).isTrue();
        assertThat(deque.isFull()).isFalse();
        assertThat(deque.append("c")).as("pfull does not refuse").isTrue();
        assertThat(deque.append("d")).isTrue();
        assertThat(deque.isFull()).isTrue();
        assertThat(deque.append("e")).isFalse();
        assertThat(refused).containsExactly("e");

        deque.pop();
        deque.pop();
        deque.pop();
        assertThat(deque.isPfull()).isFalse();
    }

    @Test
    void pfullWithoutAHardLimitNeverRefuses() {
        EmqDeque<String> deque = new EmqDeque<>(0, 2, refused::add);

        for (int i = 0; i < 10; i++) {
            assertThat(deque.append("x" + i)).isTrue();
        }
        assertThat(deque.isPfull()).isTrue();
        assertThat(deque.isFull()).isFalse();
        assertThat(refused).isEmpty();
    }

    @Test
    void pfullZeroWithAHardLimitIsNeverPfull() {
        EmqDeque<String> deque = new EmqDeque<>(2, 0, refused::add);
        deque.append("a");
        deque.append("b");

        assertThat(deque.isFull()).isTrue();
        assertThat(deque.isPfull()).isFalse();
    }

    @Test
    void extendAddsAllAtTheRightWhenTheyFitExactly() {
        EmqDeque<String> deque = new EmqDeque<>(4, refused::add);
        deque.append("a");

        assertThat(deque.extend(List.of("b", "c", "d"))).isTrue();

        assertThat(deque).containsExactly("a", "b", "c", "d");
        assertThat(deque.isFull()).isTrue();
        assertThat(refused).isEmpty();
    }

    @Test
    void extendAddsNothingWhenNotAllFitAndTheCallbackGetsTheFirst() {
        EmqDeque<String> deque = new EmqDeque<>(4, refused::add);
        deque.append("a");
        deque.append("b");

        assertThat(deque.extend(List.of("c", "d", "e"))).isFalse();

        assertThat(deque).containsExactly("a", "b");
        assertThat(refused).containsExactly("c");
        assertThat(deque.extend(List.of("c", "d"))).isTrue();
        assertThat(deque).containsExactly("a", "b", "c", "d");
    }

    @Test
    void extendWithNothingAlwaysSucceeds() {
        EmqDeque<String> deque = new EmqDeque<>(1, refused::add);
        deque.append("a");

        assertThat(deque.extend(List.of())).isTrue();
        assertThat(deque.size()).isEqualTo(1);
        assertThat(refused).isEmpty();
    }

    @Test
    void extendIsAllOrNothingEvenWithANullAmongTheItems() {
        EmqDeque<String> deque = new EmqDeque<>();

        assertThatThrownBy(() -> deque.extend(Arrays.asList("a", null, "b")))
                .isInstanceOf(NullPointerException.class);
        assertThat(deque.isEmpty()).isTrue();
    }

    @Test
    void nullItemsAreRefused() {
        EmqDeque<String> deque = new EmqDeque<>();

        assertThatThrownBy(() -> deque.append(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> deque.appendLeft(null)).isInstanceOf(NullPointerException.class);
        assertThat(deque.isEmpty()).isTrue();
    }

    @Test
    void peekingAnEmptyDequeAnswersNull() {
        EmqDeque<String> deque = new EmqDeque<>();

        assertThat(deque.peek()).isNull();
        assertThat(deque.peekLeft()).isNull();
    }

    @Test
    void poppingAnEmptyDequeIsNoSuchElement() {
        EmqDeque<String> deque = new EmqDeque<>();

        assertThatThrownBy(deque::pop).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(deque::popLeft).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void peekAndPopWorkAtBothEnds() {
        EmqDeque<String> deque = new EmqDeque<>();
        deque.append("b");
        deque.append("c");
        deque.appendLeft("a");

        assertThat(deque.peekLeft()).isEqualTo("a");
        assertThat(deque.peek()).isEqualTo("c");
        assertThat(deque.size()).as("peeking takes nothing").isEqualTo(3);
        assertThat(deque.pop()).isEqualTo("c");
        assertThat(deque.popLeft()).isEqualTo("a");
        assertThat(deque.pop()).isEqualTo("b");
        assertThat(deque.isEmpty()).isTrue();
    }

    @Test
    void iterationIsLeftToRight() {
        EmqDeque<String> deque = new EmqDeque<>();
        deque.append("c");
        deque.appendLeft("b");
        deque.extend(List.of("d", "e"));
        deque.appendLeft("a");

        assertThat(deque).containsExactly("a", "b", "c", "d", "e");
        assertThat(deque.toString()).isEqualTo("[a, b, c, d, e]");
    }

    @Test
    void removeTakesTheFirstOccurrenceFromTheLeft() {
        EmqDeque<String> deque = new EmqDeque<>(3, refused::add);
        deque.extend(List.of("a", "b", "a"));

        assertThat(deque.remove("a")).isTrue();
        assertThat(deque).containsExactly("b", "a");
        assertThat(deque.remove("x")).isFalse();
        assertThat(deque.isFull()).isFalse();
        assertThat(deque.append("c")).isTrue();
        assertThat(deque).containsExactly("b", "a", "c");
    }

    @Test
    void sizeAndEmptinessFollowEveryChange() {
        EmqDeque<String> deque = new EmqDeque<>(2, refused::add);
        assertThat(deque.isEmpty()).isTrue();
        assertThat(deque.size()).isZero();

        deque.append("a");
        assertThat(deque.isEmpty()).isFalse();
        assertThat(deque.size()).isEqualTo(1);

        deque.append("b");
        deque.append("c");
        assertThat(deque.size()).isEqualTo(2);

        deque.remove("a");
        deque.pop();
        assertThat(deque.isEmpty()).isTrue();
    }

    @Test
    void negativeLimitsAndAMissingCallbackAreRefused() {
        assertThatThrownBy(() -> new EmqDeque<String>(-1, item -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full=-1");
        assertThatThrownBy(() -> new EmqDeque<String>(1, -1, item -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pfull=-1");
        assertThatThrownBy(() -> new EmqDeque<String>(1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onFull");
    }
}
