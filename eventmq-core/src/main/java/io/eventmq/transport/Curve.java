package io.eventmq.transport;

import java.util.Objects;
import java.util.Set;

import org.zeromq.ZMQ;

/**
 * CURVE encryption of an eMQP socket: the router's sockets are {@link Server}s, every socket that connects to it
 * (workers, schedulers, clients) a {@link Client}. Part of {@link SocketOptions}, so a rebuilt socket keeps it.
 */
public sealed interface Curve {

    /** The ZAP domain of the router's sockets, which its authenticator sees. */
    String ZAP_DOMAIN = "eventmq";

    /** This side's own key pair. */
    CurveKeys keys();

    /** Sets the CURVE options on a new socket, before it binds or connects. */
    void apply(ZMQ.Socket socket);

    /**
     * The router's side: its key pair, and who may connect: any peer that knows the router's public key
     * ({@code allowAny}: encryption without authentication), or only the listed client public keys.
     *
     * @param keys              the router's key pair
     * @param allowAny          whether any client key is let in
     * @param allowedClientKeys the client public keys let in when not {@code allowAny}; Z85 text
     */
    record Server(CurveKeys keys, boolean allowAny, Set<String> allowedClientKeys) implements Curve {

        public Server {
            Objects.requireNonNull(keys, "keys");
            allowedClientKeys = Set.copyOf(allowedClientKeys);
            allowedClientKeys.forEach(key -> CurveKeys.requireKey("allowedClientKeys", key));
            if (allowAny == !allowedClientKeys.isEmpty()) {
                throw new IllegalArgumentException(allowAny
                        ? "allowAny lets every client in: give no allowedClientKeys with it"
                        : "allowedClientKeys is empty and allowAny is off: no client could connect");
            }
        }

        /** Encryption for every client that knows the router's public key, without authentication. */
        public static Server allowAny(CurveKeys keys) {
            return new Server(keys, true, Set.of());
        }

        /** Encryption, and only the clients with these public keys let in. */
        public static Server allowOnly(CurveKeys keys, Set<String> clientKeys) {
            return new Server(keys, false, clientKeys);
        }

        /** Whether a client with this public key (Z85; {@code null} for none) is let in. */
        public boolean allows(String clientKey) {
            return allowAny || clientKey != null && allowedClientKeys.contains(clientKey);
        }

        @Override
        public void apply(ZMQ.Socket socket) {
            socket.setZAPDomain(ZAP_DOMAIN);
            socket.setCurveServer(true);
            socket.setCurvePublicKey(keys.publicKeyBytes());
            socket.setCurveSecretKey(keys.secretKeyBytes());
        }
    }

    /**
     * A worker's, scheduler's or client's side.
     *
     * @param keys      this peer's key pair; its public key is what the router's allow-list holds
     * @param serverKey the router's public key, Z85 text
     */
    record Client(CurveKeys keys, String serverKey) implements Curve {

        public Client {
            Objects.requireNonNull(keys, "keys");
            CurveKeys.requireKey("serverKey", serverKey);
        }

        @Override
        public void apply(ZMQ.Socket socket) {
            socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverKey));
            socket.setCurvePublicKey(keys.publicKeyBytes());
            socket.setCurveSecretKey(keys.secretKeyBytes());
        }
    }
}
