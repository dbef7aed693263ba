package io.eventmq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    private static final int COUNT = 100_000;

    @Test
    void idsAreVersion4UuidText() {
        for (int i = 0; i < 1_000; i++) {
            String id = MessageIds.next();

            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        }
    }

    @Test
    void idsAreUniqueAcross100k() {
        Set<String> ids = new HashSet<>(COUNT * 2);
        for (int i = 0; i < COUNT; i++) {
            ids.add(MessageIds.next());
        }
        assertThat(ids).hasSize(COUNT);
    }

    @Test
    void everyRandomDigitTakesEveryValue() {
        List<Set<Character>> seen = new ArrayList<>();
        for (int position = 0; position < 36; position++) {
            seen.add(new HashSet<>());
        }
        for (int i = 0; i < 10_000; i++) {
            String id = MessageIds.next();
            for (int position = 0; position < 36; position++) {
                seen.get(position).add(id.charAt(position));
            }
        }
        for (int position = 0; position < 36; position++) {
            int expected = switch (position) {
                case 8, 13, 18, 23, 14 -> 1;
                case 19 -> 4;
                default -> 16;
            };
            assertThat(seen.get(position)).as("digit %d", position).hasSize(expected);
        }
    }

    @Test
    void idsFromSeveralThreadsAreUnique() throws InterruptedException {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        int threads = 4;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < COUNT / threads; i++) {
                    ids.add(MessageIds.next());
                }
                done.countDown();
            }).start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(ids).hasSize(COUNT);
    }
}
