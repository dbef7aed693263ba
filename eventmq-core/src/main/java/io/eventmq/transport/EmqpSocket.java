package io.eventmq.transport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.MessageIds;
import io.eventmq.protocol.ProtocolException;
import zmq.ZError;

/**
 * A DEALER or ROUTER socket that speaks eMQP: sends messages with the {@code ""} and version frames (and
 * the recipient's identity on a ROUTER) and receives and decodes them. Not thread-safe: one thread, the
 * device's I/O thread, owns it. Sends never block: a message that cannot be queued is refused.
 * <p>
 * A DEALER reads and writes frames as UTF-8 text. A ROUTER reads and writes every frame as ISO-8859-1, one
 * char per byte, so that what it forwards (payloads, results, any identity ZeroMQ made up) goes out
 * byte-identical; it refuses a message whose command or msgid is not valid UTF-8, and converts with
 * {@link FrameText} where it reads or writes text. For ASCII, both readings are the same.
 */
public final class EmqpSocket implements AutoCloseable {

    /** How a ROUTER reads and writes frames: one char per byte, any byte. */
    private static final Charset OPAQUE = StandardCharsets.ISO_8859_1;

    private final ZContext context;
    private final SocketType type;
    private final SocketOptions options;
    private final Consumer<ZMQ.Socket> customizer;
    /** Frames a message may have, envelope included; eMQP's largest, SCHEDULE on a ROUTER, has 10. */
    static final int MAX_FRAMES = 64;
    private static final int USUAL_FRAMES = 16;
    /** The frames after the delimiter, itself always empty, that every message has the same few of: version, command. */
    private static final int COMMON_FRAMES = 2;
    /** The version and each command's name, as sent and as received: each kept once, not made for every message. */
    private static final String[] COMMON = common();
    private static final byte[][] COMMON_BYTES = Arrays.stream(COMMON).map(frame -> frame.getBytes(
            StandardCharsets.UTF_8)).toArray(byte[][]::new);

    /** Body frames, the first this many, that often repeat from message to message: a queue, a headers frame. */
    private static final int REPEATING_FRAMES = 2;
    /** The longest repeating frame kept: a queue name or headers, not a payload. */
    private static final int REPEATING_BYTES = 64;

    private List<String> frames = new ArrayList<>(USUAL_FRAMES);
    private final byte[][] repeatingBytes = new byte[REPEATING_FRAMES][];
    private final String[] repeatingText = new String[REPEATING_FRAMES];
    private ZMQ.Socket socket;
    private String identity;
    /** Whether the message being sent found its thread interrupted: the interrupt it gives back when sent. */
    private boolean interruptTaken;
    private IoScheduling ioScheduling;

    private EmqpSocket(ZContext context, SocketType type, SocketOptions options, String identity,
                       Consumer<ZMQ.Socket> customizer) {
        this.context = ContextFailures.watch(Objects.requireNonNull(context, "context"));
        this.type = type;
        this.options = Objects.requireNonNull(options, "options");
        this.customizer = Objects.requireNonNull(customizer, "customizer");
        this.identity = identity;
        this.socket = create();
    }

    /** A DEALER with a fresh random identity, as workers, schedulers and clients use. */
    public static EmqpSocket dealer(ZContext context, SocketOptions options) {
        return dealer(context, options, socket -> { });
    }

    /**
     * A DEALER with a fresh random identity whose every ZeroMQ socket, the first and each one
     * {@link #rebuild()} makes, is handed to {@code customizer} after the options are set and before it connects.
     */
    public static EmqpSocket dealer(ZContext context, SocketOptions options, Consumer<ZMQ.Socket> customizer) {
        return new EmqpSocket(context, SocketType.DEALER, options, MessageIds.next(), customizer);
    }

    /** A ROUTER with {@code ROUTER_MANDATORY} on: a send to a peer that is gone fails instead of vanishing. */
    public static EmqpSocket router(ZContext context, SocketOptions options) {
        return router(context, options, socket -> { });
    }

    /** A ROUTER as above whose ZeroMQ socket is handed to {@code customizer} before it binds. */
    public static EmqpSocket router(ZContext context, SocketOptions options, Consumer<ZMQ.Socket> customizer) {
        return new EmqpSocket(context, SocketType.ROUTER, options, null, customizer);
    }

    private ZMQ.Socket create() {
        ioScheduling = IoScheduling.adopt(context);
        ZMQ.Socket created = context.createSocket(type);
        created.setLinger(options.linger().toMillis());
        created.setSndHWM(options.sendHighWaterMark());
        created.setRcvHWM(options.receiveHighWaterMark());
        created.setMaxMsgSize(options.maxMessageSize());
        created.setReconnectIVL((int) options.reconnectInterval().toMillis());
        created.setHandshakeIvl((int) options.handshakeInterval().toMillis());
        if (type == SocketType.ROUTER) {
            created.setRouterMandatory(true);
        }
        if (identity != null) {
            created.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
        }
        if (options.curve() != null) {
            options.curve().apply(created);
        }
        customizer.accept(created);
        return created;
    }

    /** The scheduling of its context's I/O threads, which the device that owns the socket runs its own under. */
    public IoScheduling ioScheduling() {
        return ioScheduling;
    }

    /** This socket's identity: a UUID on a DEALER, {@code null} on a ROUTER. */
    public String identity() {
        return identity;
    }

    /**
     * Sets the identity the next connections announce, as UTF-8; a ROUTER sees those bytes as described
     * above (the same text for ASCII). Only before {@link #connect(String)}.
     */
    public void setIdentity(String identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
        socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
    }

    public void connect(String endpoint) {
        if (!socket.connect(endpoint)) {
            throw new IllegalArgumentException("cannot connect to " + endpoint);
        }
    }

    public void disconnect(String endpoint) {
        socket.disconnect(endpoint);
    }

    /**
     * Binds to {@code endpoint}; {@code tcp://127.0.0.1:*} picks a free port.
     *
     * @return the endpoint actually bound, e.g. {@code tcp://127.0.0.1:40123}
     */
    public String bind(String endpoint) {
        try {
            if (!socket.bind(endpoint)) {
                throw new IllegalArgumentException("cannot bind " + endpoint);
            }
        } catch (ZMQException e) {
            throw new IllegalArgumentException("cannot bind " + endpoint + ": " + e.getMessage(), e);
        }
        return socket.getLastEndpoint();
    }

    /** Closes the socket and makes a new one with a new identity (a DEALER), as after a dead router. */
    public void rebuild() {
        socket.close();
        if (type == SocketType.DEALER) {
            identity = MessageIds.next();
        }
        socket = create();
    }

    /** Sends on a DEALER. @return {@code false} when the message could not be queued (high-water mark). */
    public boolean send(Message message) {
        requireType(SocketType.DEALER);
        return sendFrames(null, message);
    }

    /**
     * Sends on a ROUTER to {@code recipient}.
     *
     * @return {@code false} when the recipient is not connected or its queue is full
     */
    public boolean send(String recipient, Message message) {
        requireType(SocketType.ROUTER);
        return sendFrames(Objects.requireNonNull(recipient, "recipient"), message);
    }

    private boolean sendFrames(String recipient, Message message) {
        Charset charset = type == SocketType.ROUTER ? OPAQUE : StandardCharsets.UTF_8;
        interruptTaken = false;
        try {
            if (recipient != null && !sendFrame(recipient.getBytes(OPAQUE), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                return false;
            }
            if (!sendFrame(ZMQ.MESSAGE_SEPARATOR, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                return false;
            }
            sendFrame(COMMON_BYTES[0], ZMQ.SNDMORE);
            sendFrame(bytes(message.commandName(), charset), ZMQ.SNDMORE);
            List<String> body = message.body();
            if (body.isEmpty()) {
                return sendFrame(message.msgid().getBytes(charset), 0);
            }
            sendFrame(message.msgid().getBytes(charset), ZMQ.SNDMORE);
            int last = body.size() - 1;
            for (int i = 0; i < last; i++) {
                sendFrame(body.get(i).getBytes(charset), ZMQ.SNDMORE);
            }
            return sendFrame(body.get(last).getBytes(charset), 0);
        } catch (ZMQException e) {
            if (e.getErrorCode() == ZError.EHOSTUNREACH) {
                return false;
            }
            throw e;
        } finally {
            if (interruptTaken) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sends one frame. JeroMQ refuses a send with EINTR, queueing nothing, when it finds the calling thread
     * interrupted, and clears the interrupt: the frame is sent again, so no message goes out cut short, and
     * {@link #sendFrames} gives the interrupt back once the message is out.
     */
    private boolean sendFrame(byte[] frame, int flags) {
        while (true) {
            try {
                return socket.send(frame, flags);
            } catch (ZMQException e) {
                if (e.getErrorCode() != ZError.EINTR) {
                    throw e;
                }
                interruptTaken = true;
            }
        }
    }

    /**
     * Receives one message if one is waiting.
     *
     * @return the message, {@code null} when none is waiting
     * @throws ProtocolException when the message is malformed; its frames have been consumed
     */
    public Message receive() {
        byte[] frame = socket.recv(ZMQ.DONTWAIT);
        if (frame == null) {
            return null;
        }
        boolean router = type == SocketType.ROUTER;
        Charset charset = router ? OPAQUE : StandardCharsets.UTF_8;
        frames.add(router ? new String(frame, charset) : text(frame, charset));
        int count = 1;
        int lastCommon = (router ? 1 : 0) + COMMON_FRAMES;
        int firstBody = lastCommon + 2;
        while (socket.hasReceiveMore()) {
            frame = socket.recv(0);
            int index = count;
            if (++count <= MAX_FRAMES) {
                frames.add(index <= lastCommon ? text(frame, charset)
                        : index >= firstBody && index < firstBody + REPEATING_FRAMES
                        ? repeating(index - firstBody, frame, charset) : new String(frame, charset));
            }
        }
        try {
            if (count > MAX_FRAMES) {
                throw new ProtocolException("message has " + count + " frames, at most " + MAX_FRAMES + " taken");
            }
            return router ? requireText(Codec.decodeRouter(frames)) : Codec.decodeDealer(frames);
        } finally {
            forgetFrames();
        }
    }

    /** A message a ROUTER received, once its command and msgid are found to be UTF-8 text as the protocol says. */
    private static Message requireText(Message message) {
        if (!FrameText.isAscii(message.commandName())) {
            FrameText.decode(message.commandName(), "command");
        }
        if (!FrameText.isAscii(message.msgid())) {
            FrameText.decode(message.msgid(), "msgid");
        }
        return message;
    }

    private static String[] common() {
        List<String> common = new ArrayList<>();
        common.add(Codec.VERSION);
        for (Command command : Command.values()) {
            if (command != Command.UNKNOWN) {
                common.add(command.name());
            }
        }
        return common.toArray(String[]::new);
    }

    /** A frame's text: the version or a command's name as the one String kept for it, else a new one. */
    private static String text(byte[] frame, Charset charset) {
        if (frame.length == 0) {
            return "";
        }
        for (int i = 0; i < COMMON.length; i++) {
            if (Arrays.equals(frame, COMMON_BYTES[i])) {
                return COMMON[i];
            }
        }
        return new String(frame, charset);
    }

    /** Body frame {@code slot}'s text: the last message's when the bytes are the same, else a new one kept. */
    private String repeating(int slot, byte[] frame, Charset charset) {
        if (frame.length > REPEATING_BYTES) {
            return new String(frame, charset);
        }
        if (!Arrays.equals(frame, repeatingBytes[slot])) {
            repeatingBytes[slot] = frame;
            repeatingText[slot] = new String(frame, charset);
        }
        return repeatingText[slot];
    }

    /** A frame's bytes: the ones kept for the version or a command's name, else new ones. */
    private static byte[] bytes(String frame, Charset charset) {
        for (int i = 0; i < COMMON.length; i++) {
            if (COMMON[i].equals(frame)) {
                return COMMON_BYTES[i];
            }
        }
        return frame.getBytes(charset);
    }

    /** Lets go of the last message's frames, and of a list a long message grew. */
    private void forgetFrames() {
        if (frames.size() > USUAL_FRAMES) {
            frames = new ArrayList<>(USUAL_FRAMES);
        } else {
            frames.clear();
        }
    }

    /** The error that ended one of ZeroMQ's own threads of this socket's context (the socket is deaf), or null. */
    public Throwable contextFailure() {
        return ContextFailures.of(context);
    }

    /** The ZeroMQ socket, for the poller. */
    ZMQ.Socket zmqSocket() {
        return socket;
    }

    @Override
    public void close() {
        socket.close();
    }

    private void requireType(SocketType expected) {
        if (type != expected) {
            throw new IllegalStateException("this is a " + type + " socket, not a " + expected);
        }
    }
}
