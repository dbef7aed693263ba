package io.eventmq.transport;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.zeromq.SocketType;
import org.zeromq.ZAuth;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

import zmq.ZError;

/**
 * The ZAP handler of a context (JeroMQ's {@link ZAuth}), which lets into its CURVE server sockets only the clients
 * a {@link Curve.Server} allows; every other mechanism is denied. One per context: ZAP has one address a context.
 */
public final class CurveAuthenticator implements AutoCloseable {

    /** Where ZeroMQ sockets of a context send their ZAP requests (RFC 27). */
    private static final String ZAP_ADDRESS = "inproc://zeromq.zap.01";

    private final ZAuth zauth;

    private CurveAuthenticator(ZAuth zauth) {
        this.zauth = zauth;
    }

    /**
     * Starts the handler on {@code context}; until {@link #close()}, its CURVE servers ask it. {@code denied} gets
     * a line for each peer refused, on the handler's thread.
     *
     * @throws IllegalStateException when the context's ZAP address is taken: JeroMQ's ZAuth would then run
     *                               unbound, and a CURVE server without a ZAP handler lets every client in
     */
    public static CurveAuthenticator start(ZContext context, Curve.Server server, Consumer<String> denied) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(denied, "denied");
        requireZapAddressFree(context);
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

    private static void requireZapAddressFree(ZContext context) {
        ZMQ.Socket probe = context.createSocket(SocketType.REP);
        try {
            if (!probe.bind(ZAP_ADDRESS)) {
                throw new ZMQException("bind failed", ZError.EADDRINUSE);
            }
            probe.unbind(ZAP_ADDRESS);
        } catch (ZMQException e) {
            throw new IllegalStateException("the ZAP address " + ZAP_ADDRESS + " of this ZeroMQ context is taken: "
                    + "another CURVE router or ZAuth runs on it (or one stopped a moment ago); give each CURVE router "
                    + "a context of its own", e);
        } finally {
            context.destroySocket(probe);
        }
    }

    @Override
    public void close() {
        zauth.close();
    }
}
