package io.eventmq.device;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.eventmq.protocol.Command;
import io.eventmq.protocol.JobPayload;
import io.eventmq.protocol.Message;

/**
 * What a {@link WorkerService} does with what it receives. A REQUEST goes to the handler of its job's
 * reference {@code path} + {@code callable}, else to the handler of its queue, else to the
 * {@link #onAnyRequest fallback}; when none matches it fails with an error REPLY. The commands the service
 * handles itself (ACK, HEARTBEAT, DISCONNECT, KBYE) and any other command a service type expects (e.g.
 * SCHEDULE for a scheduler) can be listened to. Registration ends when the service starts: the handlers are
 * then fixed, and a late registration fails instead of being silently ignored.
 */
public final class Handlers {

    private final Map<String, JobHandler> byQueue = new HashMap<>();
    private final Map<JobKey, JobHandler> byJob = new HashMap<>();
    private final Map<Command, List<Consumer<Message>>> listeners = new EnumMap<>(Command.class);
    private JobHandler fallback;
    private Timetable timetable;
    private volatile boolean fixed;

    /** Handles REQUESTs sent to {@code queue}. */
    public Handlers onRequest(String queue, JobHandler handler) {
        Objects.requireNonNull(queue, "queue");
        register(byQueue, queue, handler, "queue \"" + queue + "\"");
        return this;
    }

    /** Handles REQUESTs whose reference payload names {@code path} and {@code callable}, on any queue. */
    public Handlers onJob(String path, String callable, JobHandler handler) {
        JobKey key = new JobKey(Objects.requireNonNull(path, "path"), Objects.requireNonNull(callable, "callable"));
        register(byJob, key, handler, "job " + key);
        return this;
    }

    /** Handles the REQUESTs no job or queue handler matches. */
    public Handlers onAnyRequest(JobHandler handler) {
        Objects.requireNonNull(handler, "handler");
        requireOpen();
        if (fallback != null) {
            throw new IllegalStateException("a fallback REQUEST handler is already registered");
        }
        fallback = handler;
        return this;
    }

    /**
     * Calls {@code listener} with every well-formed {@code command} message from the router, after the
     * service has handled it. Listeners run on one event thread of the service, in arrival order, never on
     * its I/O thread. REQUESTs are handled, not listened to.
     */
    public Handlers listen(Command command, Consumer<Message> listener) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(listener, "listener");
        if (command == Command.REQUEST || command == Command.UNKNOWN) {
            throw new IllegalArgumentException("cannot listen to " + command
                    + (command == Command.REQUEST ? ": register a handler with onRequest, onJob or onAnyRequest"
                    : ": unknown commands are dropped as invalid"));
        }
        requireOpen();
        listeners.computeIfAbsent(command, ignored -> new ArrayList<>(1)).add(listener);
        return this;
    }

    /**
     * Hands SCHEDULE and UNSCHEDULE to {@code timetable} on the I/O thread and lets it send due REQUESTs:
     * what makes a {@link ServiceType#SCHEDULER} service a scheduler.
     */
    public Handlers onSchedules(Timetable value) {
        Objects.requireNonNull(value, "timetable");
        requireOpen();
        if (timetable != null) {
            throw new IllegalStateException("a timetable is already registered");
        }
        timetable = value;
        return this;
    }

    /** The timetable, {@code null} when none is registered. */
    Timetable timetable() {
        return timetable;
    }

    /** Whether a handler is registered by job path and callable: only then does a REQUEST's payload route it. */
    boolean routesByJob() {
        return !byJob.isEmpty();
    }

    /**
     * A handler and the name it was registered under: the job's {@code path.callable}, the queue, or {@code *}
     * for the fallback. Names come from registrations only, so a peer cannot make up new ones.
     */
    record Match(JobHandler handler, String name) {
    }

    /** The handler for a job, {@code null} when none matches. */
    Match resolve(String queue, JobPayload payload) {
        if (payload != null) {
            JobKey key = new JobKey(payload.path(), payload.callable());
            JobHandler handler = byJob.get(key);
            if (handler != null) {
                return new Match(handler, key.toString());
            }
        }
        JobHandler handler = byQueue.get(queue);
        if (handler != null) {
            return new Match(handler, queue);
        }
        return fallback == null ? null : new Match(fallback, "*");
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    List<Consumer<Message>> listeners(Command command) {
        return listeners.getOrDefault(command, List.of());
    }


    /** Ends registration; the service calls it when it starts. */
    void fix() {
        fixed = true;
    }

    private void requireOpen() {
        if (fixed) {
            throw new IllegalStateException("the service has started: its handlers are fixed");
        }
    }

    private <K> void register(Map<K, JobHandler> map, K key, JobHandler handler, String what) {
        Objects.requireNonNull(handler, "handler");
        requireOpen();
        if (map.putIfAbsent(key, handler) != null) {
            throw new IllegalStateException("a handler for " + what + " is already registered");
        }
    }

    private record JobKey(String path, String callable) {

        @Override
        public String toString() {
            return path + "." + callable;
        }
    }
}
