package io.eventmq.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Headers;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.MessageIds;

/**
 * The codec on a 7-frame REQUEST, as the router and worker run it per job. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} is the bytes allocated per operation. The frames themselves come from the socket
 * (EmqpSocket's {@code new String} per frame) and are not counted here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    private static final String PEER = "b1c5b2f2-8f6a-4d1e-9c39-2f4f7d0c8a11";

    /** A REQUEST's headers frame: the usual one, and one with values to parse. */
    @Param({"reply-requested", "reply-requested,retry-count:3,timeout:30"})
    public String headers;

    private Message request;
    private List<String> dealerFrames;
    private List<String> routerFrames;

    @Setup
    public void setUp() {
        request = Message.withId(Command.REQUEST, MessageIds.next(), Workload.QUEUE, headers, Workload.PAYLOAD);
        dealerFrames = Codec.encodeDealer(request);
        routerFrames = new ArrayList<>(dealerFrames.size() + 1);
        routerFrames.add(PEER);
        routerFrames.addAll(dealerFrames);
    }

    @Benchmark
    public List<String> encodeDealer() {
        return Codec.encodeDealer(request);
    }

    @Benchmark
    public List<String> encodeRouter() {
        return Codec.encodeRouter(PEER, request);
    }

    @Benchmark
    public Message decodeDealer() {
        return Codec.decodeDealer(dealerFrames);
    }

    @Benchmark
    public Message decodeRouter() {
        return Codec.decodeRouter(routerFrames);
    }

    /** What the router does per REQUEST: decode from the client, encode for the worker. */
    @Benchmark
    public List<String> decodeRouterThenEncodeRouter() {
        return Codec.encodeRouter(PEER, Codec.decodeRouter(routerFrames));
    }

    @Benchmark
    public Headers parseHeaders() {
        return Headers.parse(headers);
    }

    /** Every message sent needs one. */
    @Benchmark
    public String messageId() {
        return MessageIds.next();
    }
}
