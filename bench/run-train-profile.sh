#!/bin/sh
# Where the seconds, the megabytes and the JIT compiler's time of `rosenblatt train --data mnist --epochs 1` go, phase by
# phase, in the tool as shipped (ReadyToRun, framework-dependent, linux-x64): the JIT share of the first epoch is the
# "fit" line's JIT columns against its wall seconds.
#
# usage: bench/run-train-profile.sh [runs] [extra train options...]     (default 3 runs)
#
# Builds a probed copy of HEAD in a temporary git worktree (bench/train_profile.py adds the probes; nothing is committed)
# and prints each run's PROFILE lines with the machine's load. Raw output: bench/results/train-profile-<UTC time>/.
set -e
cd "$(dirname "$0")/.."
RUNS=${1:-3}
[ $# -gt 0 ] && shift
DATA=$(cd ../shared/data 2>/dev/null && pwd || { echo "../shared/data not found beside the repository" >&2; exit 1; })
OUT=$(pwd)/bench/results/train-profile-$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p "$OUT"
WT=$(mktemp -d)/probed
git worktree add -q --detach "$WT" HEAD
trap 'git worktree remove --force "$WT"' EXIT
/usr/bin/python3 bench/train_profile.py "$WT/src/Rosenblatt.Cli/Commands/TrainCommand.cs"
dotnet publish "$WT/src/Rosenblatt.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WT/tool" -v q -nologo >/dev/null
git rev-parse HEAD > "$OUT/commit.txt"
r=1
while [ "$r" -le "$RUNS" ]; do
  echo "run $r: $(uptime)" | tee -a "$OUT/profile.txt"
  "$WT/tool/Rosenblatt.Cli" train --data mnist --epochs 1 --data-dir "$DATA" --json "$@" 2>&1 >"$OUT/run$r.json" | tee -a "$OUT/profile.txt"
  r=$((r + 1))
done
echo "raw output: $OUT"
