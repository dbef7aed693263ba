package io.eventmq.transport;

import java.lang.Thread.UncaughtExceptionHandler;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * The errors that ended one of a ZeroMQ context's own threads, by context. Such a death (an
 * {@code OutOfMemoryError} in ZeroMQ's I/O thread, say) leaves every socket of the context deaf while the
 * devices' own threads run on, so the devices ask here and report it in their status.
 */
public final class ContextFailures {

    private static final Logger log = LoggerFactory.getLogger(ContextFailures.class);
    private static final Map<ZContext, Throwable> FAILURES = Collections.synchronizedMap(new WeakHashMap<>());

    private ContextFailures() {
    }

    /**
     * Records what ends {@code context}'s threads, and logs it once at ERROR; the handler the context had still
     * runs. Only before the context's first socket: once ZeroMQ started its threads, the context is left as it
     * is (JeroMQ refuses the change), with one DEBUG line.
     *
     * @return {@code context}
     */
    public static ZContext watch(ZContext context) {
        UncaughtExceptionHandler previous = context.getUncaughtExceptionHandler();
        if (previous instanceof Recorder) {
            return context;
        }
        try {
            context.setUncaughtExceptionHandler(new Recorder(context, previous));
        } catch (IllegalStateException e) {
            log.debug("ZeroMQ's threads started before EventMQ's first socket on this context: their deaths are "
                    + "logged by the context's own handler only");
        }
        return context;
    }

    /** The error that ended one of {@code context}'s threads, {@code null} while none did. */
    public static Throwable of(ZContext context) {
        return FAILURES.get(context);
    }

    private record Recorder(ZContext context, UncaughtExceptionHandler previous) implements UncaughtExceptionHandler {

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            if (FAILURES.putIfAbsent(context, error) == null) {
                log.error("ZeroMQ thread {} died: the EventMQ sockets of its context stop working", thread.getName(),
                        error);
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            }
        }
    }
}
