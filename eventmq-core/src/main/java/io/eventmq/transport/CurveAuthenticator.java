package io.eventmq.transport;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.zeromq.ZAuth;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The ZAP handler of a context (JeroMQ's {@link ZAuth}), which lets into its CURVE server sockets only the clients
 * a {@link Curve.Server} allows; every other mechanism is denied. One per context: ZAP has one address a context.
 */
public final class CurveAuthenticator implements AutoCloseable {

    private final ZAuth zauth;

    private CurveAuthenticator(ZAuth zauth) {
        this.zauth = zauth;
    }

    /**
     * Starts the handler on {@code context}; until {@link #close()}, its CURVE servers ask it. {@code denied} gets
     * a line for each peer refused, on the handler's thread.
     */
    public static CurveAuthenticator start(ZContext context, Curve.Server server, Consumer<String> denied) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(denied, "denied");
        ZAuth.Auth curve = new ZAuth.Auth() {
            @Override
            public boolean configure(ZMsg msg, boolean verbose) {
                return true;
            }

            @Override
            public boolean authorize(ZAuth.ZapRequest request, boolean verbose) {
                boolean allowed = server.allows(request.clientKey);
                if (!allowed) {
                    denied.accept("a peer at " + request.address + " was refused: its CURVE public key "
                            + request.clientKey + " is not on the allow-list");
                }
                return allowed;
            }
        };
        ZAuth.Auth deny = new ZAuth.Auth() {
            @Override
            public boolean configure(ZMsg msg, boolean verbose) {
                return true;
            }

            @Override
            public boolean authorize(ZAuth.ZapRequest request, boolean verbose) {
                denied.accept("a peer at " + request.address + " was refused: " + request.mechanism
                        + " security, not CURVE");
                return false;
            }
        };
        return new CurveAuthenticator(new ZAuth(Objects.requireNonNull(context, "context"), "eventmq-zap",
                Map.of(ZMQ.Socket.Mechanism.CURVE.name(), curve, ZMQ.Socket.Mechanism.NULL.name(), deny,
                        ZMQ.Socket.Mechanism.PLAIN.name(), deny)));
    }

    @Override
    public void close() {
        zauth.close();
    }
}
