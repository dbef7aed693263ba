package io.eventmq.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZCert;

class CurveCertificatesTest {

    @TempDir
    Path directory;

    @Test
    void readsThePublicKeyOfEveryCertificateFile() throws Exception {
        CurveKeys first = CurveKeys.generate();
        CurveKeys second = CurveKeys.generate();
        new ZCert(first.publicKey(), first.secretKey()).savePublic(directory.resolve("worker.cert").toString());
        new ZCert(second.publicKey(), second.secretKey()).savePublic(directory.resolve("client.cert").toString());

        assertThat(CurveCertificates.publicKeys(directory)).containsExactly(second.publicKey(), first.publicKey());
        assertThat(Files.readString(directory.resolve("worker.cert"))).doesNotContain(first.secretKey());
    }

    @Test
    void aFileWithoutAPublicKeyIsRefusedByName() throws Exception {
        Files.writeString(directory.resolve("notes.txt"), "metadata\n    owner = \"ops\"\n");

        assertThatIllegalArgumentException().isThrownBy(() -> CurveCertificates.publicKeys(directory))
                .withMessageContaining("notes.txt").withMessageContaining("curve/public-key");
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CurveCertificates.publicKeys(directory.resolve("absent")))
                .withMessageContaining("absent");
    }
}
