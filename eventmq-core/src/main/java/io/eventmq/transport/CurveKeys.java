package io.eventmq.transport;

import java.util.Objects;

import org.zeromq.ZMQ;

/**
 * A CURVE key pair as Z85 text (40 characters each), as ZeroMQ certificates and {@code curve_keygen} write them.
 * {@link #toString()} shows the public key only, so that a logged key pair never shows its secret.
 *
 * @param publicKey the key peers may know: a router's is given to its clients, a client's to the allow-list
 * @param secretKey the key nobody else may know
 */
public record CurveKeys(String publicKey, String secretKey) {

    /** The Z85 alphabet (ZeroMQ RFC 32). */
    private static final String Z85 =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    public CurveKeys {
        requireKey("publicKey", publicKey);
        requireKey("secretKey", secretKey);
    }

    /** A new random key pair. */
    public static CurveKeys generate() {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        return new CurveKeys(pair.publicKey, pair.secretKey);
    }

    /**
     * Checks that {@code key} is a 32-byte CURVE key in Z85 text; the message names {@code name} but never the key.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static String requireKey(String name, String key) {
        Objects.requireNonNull(key, name);
        if (!isKey(key)) {
            throw new IllegalArgumentException(name + " must be a CURVE key: 40 characters of Z85 text, was "
                    + key.length() + " characters" + (key.length() == ZMQ.Curve.KEY_SIZE_Z85 ? " not all Z85" : ""));
        }
        return key;
    }

    /** Whether {@code key} is 40 characters of the Z85 alphabet. */
    public static boolean isKey(String key) {
        return key != null && key.length() == ZMQ.Curve.KEY_SIZE_Z85
                && key.chars().allMatch(c -> Z85.indexOf(c) >= 0);
    }

    byte[] publicKeyBytes() {
        return ZMQ.Curve.z85Decode(publicKey);
    }

    byte[] secretKeyBytes() {
        return ZMQ.Curve.z85Decode(secretKey);
    }

    @Override
    public String toString() {
        return "CurveKeys[publicKey=" + publicKey + ", secretKey=******]";
    }
}
