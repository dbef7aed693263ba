package io.eventmq.transport;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

import zmq.util.function.BiFunction;

/**
 * The Linux scheduling policy of the I/O threads of a ZeroMQ context: ZeroMQ's own, the router's and the
 * workers'. {@link #BATCH}, the default, keeps a woken I/O thread from preempting the thread that woke it,
 * which JeroMQ 0.6.0's signaler race turns into stalls of a scheduler tick ({@code docs/jeromq-signaler-race.md}).
 * {@code -Deventmq.io.scheduling=default} leaves every thread as it was started. Job threads, the client's I/O
 * thread and the application's threads are never changed: a thread inherits the policy of the thread that
 * starts it, so the devices start theirs from the calling thread.
 */
public enum IoScheduling {

    /** {@code SCHED_BATCH}, set by each I/O thread on itself; no privileges needed. Elsewhere than Linux, nothing. */
    BATCH,
    /** Threads keep the policy they were started with. */
    DEFAULT;

    /** The system property that chooses the policy of contexts nothing configured: {@code batch} or {@code default}. */
    public static final String PROPERTY = "eventmq.io.scheduling";

    private static final Logger log = LoggerFactory.getLogger(IoScheduling.class);
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");
    private static final int SCHED_BATCH = 3;

    /** The policy {@link #PROPERTY} chooses, {@link #BATCH} when it is not set. */
    public static IoScheduling configured() {
        return parse(System.getProperty(PROPERTY, "batch"));
    }

    /** {@code batch} or {@code default}, in any case. */
    public static IoScheduling parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be batch or default, was \"" + value + "\"", e);
        }
    }

    /**
     * Has ZeroMQ start {@code context}'s I/O threads under this policy, through the thread factory the context
     * had. Before the context's first socket: ZeroMQ starts its threads with it.
     *
     * @return {@code context}
     * @throws IllegalStateException when ZeroMQ has started the context's threads already
     */
    public ZContext configure(ZContext context) {
        BiFunction<Runnable, String, Thread> zeromq = context.getThreadFactory();
        if (zeromq instanceof Factory factory) {
            zeromq = factory.zeromq();
        }
        context.setThreadFactor(new Factory(this, zeromq));
        return context;
    }

    /**
     * The policy of {@code context}'s I/O threads, which EventMQ's devices on it run theirs under too. A context
     * nothing configured is configured now with {@link #configured()}, unless ZeroMQ started its threads
     * already: they then keep theirs.
     */
    public static IoScheduling adopt(ZContext context) {
        if (context.getThreadFactory() instanceof Factory factory) {
            return factory.scheduling();
        }
        IoScheduling scheduling = configured();
        try {
            scheduling.configure(context);
        } catch (IllegalStateException e) {
            log.debug("ZeroMQ's I/O threads started before EventMQ's first socket on this context: left as they are");
        }
        return scheduling;
    }

    /** A thread, not a daemon (a running device keeps the JVM up), that runs {@code task} under this policy. */
    public Thread newThread(Runnable task, String name) {
        Thread thread = new Thread(() -> {
            applyToCurrentThread();
            task.run();
        }, name);
        thread.setDaemon(false);
        return thread;
    }

    /** Puts the calling thread under this policy; where the system has none or refuses, leaves it as it is. */
    void applyToCurrentThread() {
        if (this == DEFAULT) {
            return;
        }
        if (!LINUX) {
            log.debug("{} keeps its scheduling policy: SCHED_BATCH is Linux only", Thread.currentThread().getName());
            return;
        }
        try {
            LibC.sched_setscheduler(0, SCHED_BATCH, new int[] {0});
        } catch (LastErrorException | LinkageError e) {
            log.debug("{} keeps its scheduling policy: sched_setscheduler failed: {}",
                    Thread.currentThread().getName(), e.toString());
        }
    }

    /** Wraps ZeroMQ's thread factory: its threads, with their name, daemon flag and handler, under a policy. */
    private record Factory(IoScheduling scheduling, BiFunction<Runnable, String, Thread> zeromq)
            implements BiFunction<Runnable, String, Thread> {

        @Override
        public Thread apply(Runnable task, String name) {
            return zeromq.apply(() -> {
                scheduling.applyToCurrentThread();
                task.run();
            }, name);
        }
    }

    /** {@code sched_setscheduler(2)} of the C library, bound with JNA's direct mapping. */
    private static final class LibC {

        static {
            Native.register("c");
        }

        /** @param param {@code struct sched_param}: its one field, the priority, 0 for SCHED_BATCH */
        static native int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;
    }
}
