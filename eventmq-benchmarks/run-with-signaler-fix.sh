#!/usr/bin/env bash
# Runs the benchmark with one change to JeroMQ 0.6.0, for both systems alike: zmq.Signaler counts its wake-up
# byte before writing it instead of after (see docs/jeromq-signaler-race.md). It takes Signaler.java from
# JeroMQ's sources jar on Maven Central, moves that one line, compiles it into target/signaler-fix and puts it
# ahead of the benchmark jar on the class path. Nothing of it is kept in the repository or shipped.
# Usage: eventmq-benchmarks/run-with-signaler-fix.sh [benchmark options], after building the benchmark jar.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar=$here/target/eventmq-benchmarks.jar
work=$here/target/signaler-fix
[ -f "$jar" ] || { echo "build the benchmark jar first (see eventmq-benchmarks/README.md)" >&2; exit 2; }

mvn -B -q -Dstyle.color=never dependency:get -Dartifact=org.zeromq:jeromq:0.6.0:jar:sources -Dtransitive=false
repository=$(mvn -B -q -Dstyle.color=never help:evaluate -Dexpression=settings.localRepository -DforceStdout \
  | sed 's/\x1b\[[0-9;]*m//g')
rm -rf "$work" && mkdir -p "$work/src" "$work/classes"
unzip -q -o -d "$work/src" "$repository/org/zeromq/jeromq/0.6.0/jeromq-0.6.0-sources.jar" zmq/Signaler.java

# In send(): drop the increment after the write loop and put it before the loop.
awk '
  /void send\(\)/ { in_send = 1 }
  in_send && /while \(nbytes == 0\)/ && !moved { print "        wcursor.incrementAndGet();"; moved = 1 }
  in_send && /wcursor\.incrementAndGet\(\);/ && moved == 1 && !dropped { dropped = 1; in_send = 0; next }
  { print }
  END { if (!moved || !dropped) exit 1 }
' "$work/src/zmq/Signaler.java" > "$work/src/Signaler.fixed" \
  || { echo "zmq/Signaler.java is not as expected; nothing was run" >&2; exit 1; }
mv "$work/src/Signaler.fixed" "$work/src/zmq/Signaler.java"

javac -nowarn -d "$work/classes" -cp "$jar" "$work/src/zmq/Signaler.java"
exec java -cp "$work/classes:$jar" io.eventmq.benchmarks.BenchmarkMain "$@"
