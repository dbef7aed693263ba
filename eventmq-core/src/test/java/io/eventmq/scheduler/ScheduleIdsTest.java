package io.eventmq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Schedule ids equal the reference's {@code Scheduler.schedule_hash}: SHA-1 over
 * {@code json.dumps({args, kwargs, class_args, class_kwargs, path, callable}, sort_keys=True)}.
 */
class ScheduleIdsTest {

    private static final String RECORDED_PAYLOAD = "[\"run\", {\"path\": \"jobs\", \"callable\": \"echo\", "
            + "\"args\": [1], \"kwargs\": {}, \"class_args\": [], \"class_kwargs\": {}}]";

    @Test
    void theIdOfTheRecordedJobIsTheSha1OfItsSortedJson() throws Exception {
        String sortedJson = "{\"args\": [1], \"callable\": \"echo\", \"class_args\": [], \"class_kwargs\": {}, "
                + "\"kwargs\": {}, \"path\": \"jobs\"}";
        String rule = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest(sortedJson.getBytes(StandardCharsets.UTF_8)));

        assertThat(ScheduleIds.of(RECORDED_PAYLOAD)).isEqualTo(rule)
                .isEqualTo("7bbcb2794f4602ca9649f7af414fbd92bee5bfa0");
    }

    /** The expected id was printed by Python 3's json.dumps(sort_keys=True) and hashlib.sha1 for this payload. */
    @Test
    void nestedKeysFloatsAndNonAsciiTextHashAsPythonWritesThem() {
        String payload = "[\"run\", {\"path\": \"app.mail:Mailer\", \"callable\": \"send\", "
                + "\"args\": [\"caf\\u00e9\", 2.5, 1e-05, 10000000.0, null, true], "
                + "\"kwargs\": {\"z\": {\"b\": 1, \"a\": [{\"y\": 2, \"x\": 1}]}, \"a\": \"\\n\"}, "
                + "\"class_args\": [3], \"class_kwargs\": {\"timeout\": 30}}]";

        assertThat(ScheduleIds.of(payload)).isEqualTo("464130cb48ea7dc63b335ba38cc85655ef8dfced");
    }

    @Test
    void theSameJobWrittenInAnotherKeyOrderHasTheSameId() {
        String reordered = "[\"run\", {\"class_kwargs\": {}, \"args\": [1], \"callable\": \"echo\", "
                + "\"path\": \"jobs\", \"kwargs\": {}, \"class_args\": []}]";

        assertThat(ScheduleIds.of(reordered)).isEqualTo(ScheduleIds.of(RECORDED_PAYLOAD));
    }

    @Test
    void aPayloadOfAnotherShapeIsIdentifiedByTheSha1OfItsText() throws Exception {
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest("send the report".getBytes(StandardCharsets.UTF_8)));

        assertThat(ScheduleIds.of("send the report")).isEqualTo(expected);
    }
}
