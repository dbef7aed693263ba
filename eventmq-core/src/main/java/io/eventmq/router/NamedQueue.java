package io.eventmq.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.eventmq.util.EmqDeque;

/**
 * One queue: its workers ordered by weight (highest first) and, within a weight, least recently used first;
 * the REQUESTs waiting for a free slot, their bytes and how many each sender has waiting; how many REQUESTs it
 * dispatched.
 */
final class NamedQueue {

    /**
     * A worker's membership in this queue.
     *
     * @param weight the weight the worker gave this queue
     * @param worker the worker
     */
    record Member(int weight, Worker worker) {
    }

    final String name;
    final EmqDeque<Waiting> waiting;
    /** The {@link Waiting#bytes()} of the REQUESTs in {@link #waiting}. */
    long waitingBytes;
    private final List<Member> members = new ArrayList<>();
    /** How many REQUESTs in {@link #waiting} each sender has: its part of the fair share. */
    private final Map<String, Integer> waitingBySender = new HashMap<>();
    long processed;

    NamedQueue(String name, int highWaterMark) {
        this.name = name;
        this.waiting = new EmqDeque<>(highWaterMark, refused -> { });
    }

    /**
     * Adds a waiting REQUEST at the tail, or at the head when it was taken back from a lost worker.
     *
     * @return {@code false} when the queue is at its high-water mark
     */
    boolean addWaiting(Waiting request, boolean atHead) {
        if (!(atHead ? waiting.appendLeft(request) : waiting.append(request))) {
            return false;
        }
        waitingBytes += request.bytes();
        waitingBySender.merge(request.request().sender(), 1, Integer::sum);
        return true;
    }

    /** Takes the waiting REQUEST at the head. */
    Waiting takeWaiting() {
        Waiting request = waiting.popLeft();
        waitingBytes -= request.bytes();
        waitingBySender.computeIfPresent(request.request().sender(), (sender, count) -> count == 1 ? null : count - 1);
        return request;
    }

    /** How many REQUESTs of {@code sender} wait in this queue. */
    int waitingFrom(String sender) {
        return waitingBySender.getOrDefault(sender, 0);
    }

    /** Adds {@code worker} behind the members of the same or a higher weight. */
    void add(int weight, Worker worker) {
        members.add(endOfWeight(weight), new Member(weight, worker));
    }

    void remove(Worker worker) {
        members.removeIf(member -> member.worker() == worker);
    }

    boolean hasWorkers() {
        return !members.isEmpty();
    }

    List<Member> members() {
        return members;
    }

    /**
     * The worker to give the next REQUEST: the first, by weight then least recently used, with a free slot.
     * It moves behind the other members of its weight.
     *
     * @return the worker, {@code null} when none has a free slot
     */
    Worker take() {
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member.worker().freeSlots > 0) {
                members.remove(i);
                members.add(endOfWeight(member.weight()), member);
                return member.worker();
            }
        }
        return null;
    }

    private int endOfWeight(int weight) {
        int index = 0;
        while (index < members.size() && members.get(index).weight() >= weight) {
            index++;
        }
        return index;
    }
}
