package io.eventmq.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One eMQP message: the command as sent on the wire, its msgid and its body frames. {@code sender} is the
 * identity of the peer a ROUTER received it from, {@code null} when received on a DEALER or built to send.
 *
 * @param sender      the sending peer's identity on a ROUTER, else {@code null}
 * @param commandName the command exactly as on the wire (an unknown name is kept)
 * @param msgid       this message's id
 * @param body        the frames after the msgid, unmodifiable
 */
public record Message(String sender, String commandName, String msgid, List<String> body) {

    public Message {
        Objects.requireNonNull(commandName, "commandName");
        Objects.requireNonNull(msgid, "msgid");
        body = List.copyOf(body);
    }

    /** A message to send, with a fresh msgid. */
    public static Message of(Command command, String... body) {
        return new Message(null, command.name(), MessageIds.next(), List.of(body));
    }

    /** A message to send with the given msgid. */
    public static Message withId(Command command, String msgid, String... body) {
        return new Message(null, command.name(), msgid, List.of(body));
    }

    /** The command; {@link Command#UNKNOWN} when {@link #commandName()} is not one this implementation knows. */
    public Command command() {
        return Command.of(commandName);
    }

    /** Body frame {@code index}, or a {@link ProtocolException} naming the command when it is missing. */
    public String frame(int index) {
        if (index >= body.size()) {
            throw new ProtocolException(commandName + " " + msgid + " has " + body.size()
                    + " body frames, frame " + index + " is missing");
        }
        return body.get(index);
    }

    /** The same message as received from {@code sender}. */
    public Message from(String sender) {
        return new Message(sender, commandName, msgid, body);
    }
}
