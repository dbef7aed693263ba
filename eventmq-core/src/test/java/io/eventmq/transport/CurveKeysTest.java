package io.eventmq.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;

import org.junit.jupiter.api.Test;

class CurveKeysTest {

    private final CurveKeys keys = CurveKeys.generate();

    @Test
    void aGeneratedPairIsTwoDifferentZ85Keys() {
        assertThat(CurveKeys.isKey(keys.publicKey())).isTrue();
        assertThat(CurveKeys.isKey(keys.secretKey())).isTrue();
        assertThat(keys.publicKey()).isNotEqualTo(keys.secretKey());
    }

    @Test
    void aKeyOfTheWrongLengthOrAlphabetIsRefusedWithoutShowingIt() {
        String notZ85 = keys.secretKey().substring(1) + "\"";
        assertThatIllegalArgumentException().isThrownBy(() -> new CurveKeys(keys.publicKey(), notZ85))
                .withMessageContaining("secretKey").withMessageNotContaining(notZ85);
        assertThatIllegalArgumentException().isThrownBy(() -> new CurveKeys(keys.publicKey(), "short"))
                .withMessageContaining("40 characters");
    }

    @Test
    void aServerAllowsEitherAnyClientOrTheListedOnes() {
        String client = CurveKeys.generate().publicKey();
        assertThat(Curve.Server.allowAny(keys).allows(client)).isTrue();
        assertThat(Curve.Server.allowOnly(keys, Set.of(client)).allows(client)).isTrue();
        assertThat(Curve.Server.allowOnly(keys, Set.of(client)).allows(keys.publicKey())).isFalse();
        assertThat(Curve.Server.allowOnly(keys, Set.of(client)).allows(null)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Curve.Server.allowOnly(keys, Set.of()))
                .withMessageContaining("no client could connect");
        assertThatIllegalArgumentException().isThrownBy(() -> new Curve.Server(keys, true, Set.of(client)));
    }

    @Test
    void aClientNeedsTheServersKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Curve.Client(keys, "not a key"))
                .withMessageContaining("serverKey");
    }
}
