#!/bin/sh
# How long a learner waits for a lesson cell: worker start, first and second cell, a re-run, two checks, in fresh
# engines (a new worker process each round), timed from the host's side. Prints every round, then medians and
# maxima, with the load average before and after (the machine is shared: read the figures with it).
#
# usage: bench/run-lessons-latency.sh [rounds]     (default 5)
set -e
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
dotnet build -c Release bench/Rosenblatt.Lessons.Latency -v q -nologo >/dev/null
echo "load before: $(uptime)"
dotnet bench/Rosenblatt.Lessons.Latency/bin/Release/net10.0/Rosenblatt.Lessons.Latency.dll "$ROUNDS"
echo "load after:  $(uptime)"
