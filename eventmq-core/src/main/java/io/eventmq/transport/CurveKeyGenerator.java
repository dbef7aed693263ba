package io.eventmq.transport;

/**
 * Prints a new CURVE key pair as two properties, {@code public-key=...} and {@code secret-key=...}, to paste under
 * {@code eventmq.security.curve.*} or keep in a file: {@code java -cp ... io.eventmq.transport.CurveKeyGenerator}.
 */
public final class CurveKeyGenerator {

    private CurveKeyGenerator() {
    }

    public static void main(String[] args) {
        CurveKeys keys = CurveKeys.generate();
        System.out.println("public-key=" + keys.publicKey());
        System.out.println("secret-key=" + keys.secretKey());
    }
}
