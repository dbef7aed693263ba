package io.eventmq.device;

import java.util.function.Consumer;

import io.eventmq.protocol.Message;

/**
 * The schedules a scheduler service keeps. Its service calls it on the I/O thread only: with each SCHEDULE
 * and UNSCHEDULE from the router, to learn when it next needs waking, and to send what is due on the
 * service's own connection (the reference's scheduler sends due jobs as REQUESTs on its frontend socket).
 * A method must not block for long, and must not throw: an exception ends the service.
 */
public interface Timetable {

    /** A SCHEDULE or UNSCHEDULE from the router. */
    void received(Message message);

    /** Milliseconds until something is due; 0 when something is due now, -1 when nothing is scheduled. */
    long millisUntilDue();

    /** Sends what is due through {@code send}; called on every pass of the loop while connected. */
    void sendDue(Consumer<Message> send);
}
