package io.eventmq.protocol;

/**
 * The commands of eMQP/1.0, including the router's administration commands. A command name this
 * implementation does not know decodes as {@link #UNKNOWN}; the message keeps the name as it was sent.
 */
public enum Command {
    INFORM,
    ACK,
    READY,
    REQUEST,
    REPLY,
    HEARTBEAT,
    DISCONNECT,
    /** "Goodbye". The prose spec calls it KBAI; both decode to this, and this is what is sent. */
    KBYE,
    SCHEDULE,
    UNSCHEDULE,
    PUBLISH,
    STATUS,
    ROUTER_SHOW_WORKERS,
    ROUTER_SHOW_SCHEDULERS,
    /** The reference's emq-cli greets the admin socket with it; the router takes it and answers nothing. */
    HELLO,
    UNKNOWN;

    /** The command a wire name stands for; {@link #UNKNOWN} when none. */
    public static Command of(String name) {
        return switch (name) {
            case "INFORM" -> INFORM;
            case "ACK" -> ACK;
            case "READY" -> READY;
            case "REQUEST" -> REQUEST;
            case "REPLY" -> REPLY;
            case "HEARTBEAT" -> HEARTBEAT;
            case "DISCONNECT" -> DISCONNECT;
            case "KBYE", "KBAI" -> KBYE;
            case "SCHEDULE" -> SCHEDULE;
            case "UNSCHEDULE" -> UNSCHEDULE;
            case "PUBLISH" -> PUBLISH;
            case "STATUS" -> STATUS;
            case "ROUTER_SHOW_WORKERS" -> ROUTER_SHOW_WORKERS;
            case "ROUTER_SHOW_SCHEDULERS" -> ROUTER_SHOW_SCHEDULERS;
            case "HELLO" -> HELLO;
            default -> UNKNOWN;
        };
    }
}
