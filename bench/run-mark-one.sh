#!/bin/sh
# The Mark I figures: seconds per training pass over MNIST's 60,000 cropped digits (the "under a second"
# target), then the whole study of docs/mark-one.md (the machine against a perceptron on the raw retina,
# logistic regression and an MLP of about the same trained weights; A-units 64..8192; the wiring sweep;
# where it fails). The study rewrites docs/mark-one-a-units.png and docs/mark-one-study.json; its tables
# are printed as Markdown, to be copied into docs/mark-one.md.
#
# usage: bench/run-mark-one.sh [epoch|study|all]     (default all)
#
# Run time on the shared 2-core VM: the epoch timing (ours and the NumPy peer, two rounds) about a minute on an
# idle machine, the study about 100 CPU seconds (wall time grows with the load).
# Raw output goes to bench/results/mark-one-<UTC time>/.
set -e
cd "$(dirname "$0")/.."
WHAT=${1:-all}
DATA=$(cd ../shared/data 2>/dev/null && pwd || { echo "../shared/data not found beside the repository" >&2; exit 1; })
OUT=bench/results/mark-one-$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p "$OUT"
{
  date -u
  lscpu | grep -E "Model name|^CPU\(s\)"
  dotnet --version
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt" 2>&1
cat "$OUT/machine.txt"
dotnet build bench/Rosenblatt.Benchmarks -c Release -v q -nologo >/dev/null
BENCH="dotnet bench/Rosenblatt.Benchmarks/bin/Release/net10.0/Rosenblatt.Benchmarks.dll"
if [ "$WHAT" = epoch ] || [ "$WHAT" = all ]; then
  # Ours and the NumPy peer (bench/peers/mark_one_numpy.py, Debian's python3-numpy on OpenBLAS, one thread like ours)
  # alternately, two rounds.
  for round in 1 2; do
    echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/epoch.txt"
    $BENCH mark-one-epoch "$DATA" 5 512 2>&1 | tee -a "$OUT/epoch.txt"
    OMP_NUM_THREADS=1 LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
      /usr/bin/python3 bench/peers/mark_one_numpy.py "$DATA" 2 2>&1 | tee -a "$OUT/epoch.txt"
  done
fi
if [ "$WHAT" = study ] || [ "$WHAT" = all ]; then
  $BENCH mark-one-study "$DATA" docs 2>&1 | tee "$OUT/study.txt"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
