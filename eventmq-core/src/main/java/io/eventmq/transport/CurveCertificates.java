package io.eventmq.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.zeromq.ZConfig;

/**
 * The public keys of a directory of ZeroMQ certificate files (ZPL text with {@code curve/public-key}, as
 * {@code ZCert.savePublic}, czmq and {@code zcert} write them), for a router's allow-list. Read once: a change
 * takes a restart.
 */
public final class CurveCertificates {

    private CurveCertificates() {
    }

    /**
     * Every regular file's public key, in file name order.
     *
     * @throws IllegalArgumentException when the directory cannot be read, or a file holds no valid public key
     */
    public static Set<String> publicKeys(Path directory) {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the certificates directory " + directory + ": " + e, e);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Path file : files) {
            String key;
            try {
                key = ZConfig.load(file.toString()).getValue("curve/public-key");
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read the certificate " + file + ": " + e, e);
            }
            if (key == null) {
                throw new IllegalArgumentException("the certificate " + file + " holds no curve/public-key");
            }
            keys.add(CurveKeys.requireKey("curve/public-key of " + file, key));
        }
        return keys;
    }
}
