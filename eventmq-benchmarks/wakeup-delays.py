#!/usr/bin/env python3
"""Wake-up and preemption delays from a Linux scheduler trace (sched_switch and sched_wakeup from tracefs).

Pairs every wake-up, and every preemption (a thread switched out while still runnable), with the moment its
thread next ran, prints the distribution of those delays, and for each delay past a millisecond what ran
on each core meanwhile. A thread preempted by the thread it woke, or woken onto a core, that then waits
while that core runs ZeroMQ's I/O thread and the other core is idle is the signature of
docs/jeromq-signaler-race.md.

usage: wakeup-delays.py TRACE [THRESHOLD_US]
"""
import collections
import re
import sys

SWITCH = re.compile(r'\[(\d+)\].*? (\d+\.\d+): sched_switch: prev_comm=(.*?) prev_pid=(\d+) .*?'
                    r'prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)')
WAKEUP = re.compile(r' (\d+\.\d+): sched_wakeup: comm=(.*?) pid=(\d+) .*?target_cpu=(\d+)')
KERNEL_THREADS = ('kworker', 'swapper', 'rcu', 'ksoftirq', 'migration')


def main(path, threshold):
    woken = {}          # pid -> (time, cpu, how): woken, or preempted and still runnable
    running = {}        # cpu -> (comm, since)
    spans = []          # (cpu, start, end, comm)
    delays = []         # (delay, woken at, ran at, comm, cpu, how)
    with open(path) as trace:
        for line in trace:
            switch = SWITCH.search(line)
            if switch:
                cpu, at, comm, pid = int(switch[1]), float(switch[2]), switch[6], switch[7]
                if cpu in running:
                    spans.append((cpu, running[cpu][1], at, running[cpu][0]))
                running[cpu] = (comm, at)
                if switch[5].startswith('R') and switch[4] != '0':
                    woken[switch[4]] = (at, cpu, 'preempted on')
                if pid in woken:
                    when, target, how = woken.pop(pid)
                    delays.append((at - when, when, at, comm, target, how))
                continue
            wakeup = WAKEUP.search(line)
            if wakeup:
                woken[wakeup[3]] = (float(wakeup[1]), int(wakeup[4]), 'woken onto')
    delays = [d for d in delays if not d[3].startswith(KERNEL_THREADS)]
    if not delays:
        print('no wake-ups of user threads in', path)
        return
    ordered = sorted(d[0] for d in delays)
    def percentile(fraction):
        return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] * 1e6
    print('%d wake-ups and preemptions: p50 %.0f us, p99 %.0f us, max %.0f us; %d past %d us'
          % (len(ordered), percentile(.5), percentile(.99), ordered[-1] * 1e6,
             sum(1 for d in ordered if d * 1e6 > threshold), threshold))
    for delay, woken_at, ran_at, comm, target, how in sorted(delays, key=lambda d: d[1]):
        if delay * 1e6 <= threshold:
            continue
        meanwhile = collections.Counter()
        for cpu, start, end, other in spans:
            overlap = min(end, ran_at) - max(start, woken_at)
            if overlap > 0:
                meanwhile['cpu%d %s' % (cpu, other)] += overlap
        print('%6.0f us  %-16s %s cpu%d; meanwhile: %s' % (
            delay * 1e6, comm, how, target,
            ', '.join('%s %.0f us' % (name, t * 1e6) for name, t in meanwhile.most_common(3))))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
