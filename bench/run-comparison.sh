#!/bin/sh
# Rosenblatt against NumPy, PyTorch and scikit-learn on the same work, alternately, in one run.
#
# usage: bench/run-comparison.sh [rounds]        (default 3 rounds; GEMM=0 skips the GEMM table)
#        E2E_ONLY=1 bench/run-comparison.sh       (only the end-to-end `train` comparison below; E2E=0 skips it)
#
# Each round runs, one after the other: MNIST 784-128-10 (ours, torch, numpy; 2 threads, MNIST_EPOCHS
# epochs in one process, default 3: the first epoch and the later ones are reported apart; ours after its
# untimed warm-up, which overlaps the data load, plus one cold process of one epoch with no warm-up),
# the seed 002 XOR replay (ours, numpy), the perceptron one-vs-rest on MNIST (ours, scikit-learn).
# Then bench/run-gemm-comparison.sh runs the GEMM table (its own two rounds). Raw output (every JSON document and the
# load average before each round) goes to bench/results/comparison-<UTC time>/; the last lines printed
# are the table of medians and ratios (also saved as summary.txt there).
set -e
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
E2E_ROUNDS=${E2E_ROUNDS:-5}
if [ "${E2E_ONLY:-0}" = 1 ]; then ROUNDS=0; GEMM=0; fi
# Each MNIST process trains this many epochs: the first epoch of a process (JIT compilation for us,
# allocator and thread-pool start-up for the peers) and the later ones (steady state) are reported apart.
MNIST_EPOCHS=${MNIST_EPOCHS:-3}
OB=/usr/lib/x86_64-linux-gnu/openblas-openmp
PEERS=$(cd ../shared/peers 2>/dev/null && pwd || { echo "../shared/peers not found beside the repository" >&2; exit 1; })
DATA=$(cd ../shared/data 2>/dev/null && pwd || { echo "../shared/data not found beside the repository" >&2; exit 1; })
PY=/usr/bin/python3

# Debian's packages; installing is skipped when they are already there.
PKGS="python3-numpy python3-torch python3-sklearn libopenblas0-openmp"
if ! dpkg -s $PKGS >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PKGS >/dev/null
fi
# GNU time, for the end-to-end comparison's wall time and peak memory of whole processes.
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

OUT=bench/results/comparison-$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p "$OUT"
{
  date -u
  lscpu | grep -E "Model name|^CPU\(s\)|L1d|L2|L3"
  echo "vector extensions: $(grep -o -w -E 'avx2|fma|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')"
  dotnet --version
  $PY -c "import numpy, torch, sklearn; print('numpy', numpy.__version__, 'torch', torch.__version__, 'sklearn', sklearn.__version__)"
} > "$OUT/machine.txt" 2>&1
cat "$OUT/machine.txt"

dotnet build src/Rosenblatt.Cli -c Release -v q -nologo >/dev/null
OURS="dotnet src/Rosenblatt.Cli/bin/Release/net10.0/Rosenblatt.Cli.dll"

r=1
while [ "$r" -le "$ROUNDS" ]; do
  echo "round $r: $(uptime)" | tee -a "$OUT/load.txt"
  $OURS bench mnist --threads 2 --epochs $MNIST_EPOCHS --data-dir "$DATA" --json > "$OUT/r$r-ours-mnist.json"
  $OURS bench mnist --threads 2 --epochs 1 --no-warmup --data-dir "$DATA" --json > "$OUT/r$r-ours-mnistcold.json"
  LD_LIBRARY_PATH=$OB $PY "$PEERS/mnist_mlp.py" --impl torch --threads 2 --epochs $MNIST_EPOCHS > "$OUT/r$r-torch-mnist.json"
  LD_LIBRARY_PATH=$OB $PY "$PEERS/mnist_mlp.py" --impl numpy --threads 2 --epochs $MNIST_EPOCHS > "$OUT/r$r-numpy-mnist.json"
  $OURS bench xor --repeat 5 --json > "$OUT/r$r-ours-xor.json"
  $PY "$PEERS/xor_numpy.py" > "$OUT/r$r-numpy-xor.json"
  $OURS bench perceptron --data-dir "$DATA" --json > "$OUT/r$r-ours-perceptron.json"
  LD_LIBRARY_PATH=$OB $PY "$PEERS/mnist_linear.py" --model perceptron --threads 2 > "$OUT/r$r-sklearn-perceptron.json"
  r=$((r + 1))
done
echo "after: $(uptime)" | tee -a "$OUT/load.txt"

# End to end, as a user runs it: the whole `rosenblatt train --data mnist --epochs 1` process (defaults: 784-128-10, Adam
# 1e-3, batch 32, minmax scaling, one epoch, train and test accuracy) from the tool as shipped (ReadyToRun, framework-
# dependent), against bench/peers/mnist_train_torch.py doing the same work (pixels / 255), Python's start-up and imports
# included. Wall time and peak RSS of each whole process come from /usr/bin/time; the two alternate, and which goes first
# alternates by round. Each round also times `rosenblatt --version` five times (start-up alone). Round e seeds both
# with 41 + e, so the accuracies are medians over seeds. PyTorch runs on TORCH_THREADS threads (default 2, as ours): on a machine loaded far past its cores, its 2-thread OpenMP steps wait on
# each other for minutes (a 440 s epoch was seen at load 35), and TORCH_THREADS=1 gives it its better chance there.
if [ "${E2E:-1}" != 0 ]; then
  TOOL_DIR=${TMPDIR:-/tmp}/rosenblatt-bench-tool
  dotnet publish src/Rosenblatt.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$TOOL_DIR" -v q -nologo >/dev/null
  TOOL="$TOOL_DIR/Rosenblatt.Cli"
  TIMEFMT="%e %U %S %M"
  e2e_ours() {
    /usr/bin/time -f "$TIMEFMT" -o "$OUT/e$1-ours-train.time" "$TOOL" train --data mnist --epochs 1 --data-dir "$DATA" --seed $((41 + $1)) --json > "$OUT/e$1-ours-train.json"
  }
  e2e_torch() {
    LD_LIBRARY_PATH=$OB /usr/bin/time -f "$TIMEFMT" -o "$OUT/e$1-torch-train.time" \
      timeout "${E2E_TIMEOUT:-1200}" $PY bench/peers/mnist_train_torch.py --data-dir "$DATA" --threads "${TORCH_THREADS:-2}" --seed $((41 + $1)) > "$OUT/e$1-torch-train.json" || true
  }
  e=1
  while [ "$e" -le "$E2E_ROUNDS" ]; do
    echo "end-to-end round $e: $(uptime)" | tee -a "$OUT/load.txt"
    if [ $((e % 2)) = 1 ]; then e2e_ours "$e"; e2e_torch "$e"; else e2e_torch "$e"; e2e_ours "$e"; fi
    for v in 1 2 3 4 5; do /usr/bin/time -f "$TIMEFMT" -a -o "$OUT/e$e-ours-version.time" "$TOOL" --version >/dev/null; done
    echo "end-to-end round $e done: $(uptime)" | tee -a "$OUT/load.txt"
    e=$((e + 1))
  done
  $PY bench/e2e_summary.py "$OUT" | tee "$OUT/summary-e2e.txt"
fi

if [ "${GEMM:-1}" != 0 ]; then
  sh bench/run-gemm-comparison.sh > "$OUT/gemm.txt" 2>&1 || echo "GEMM comparison failed; see $OUT/gemm.txt"
fi

[ "$ROUNDS" -gt 0 ] && $PY - "$OUT" <<'EOF' | tee "$OUT/summary.txt"
import glob, json, os, statistics, sys

out = sys.argv[1]
def runs(name):
    return [json.load(open(p)) for p in sorted(glob.glob(os.path.join(out, f"r*-{name}.json")))]

def med(xs):
    return statistics.median(xs) if xs else float("nan")

ours_mnist, torch_mnist, numpy_mnist = runs("ours-mnist"), runs("torch-mnist"), runs("numpy-mnist")
ours_cold = runs("ours-mnistcold")
ours_xor, numpy_xor = runs("ours-xor"), runs("numpy-xor")
ours_pct, sk_pct = runs("ours-perceptron"), runs("sklearn-perceptron")

m_ours = med([d["runs"][0]["seconds"] for d in ours_mnist])
m_torch = med([d["first_epoch_s"] for d in torch_mnist])
m_numpy = med([d["first_epoch_s"] for d in numpy_mnist])
# Steady state: per round, the median of epochs 2..N of the one process; then the median over rounds.
s_ours = med([med([e["seconds"] for e in d["runs"][1:]]) for d in ours_mnist if len(d["runs"]) > 1])
c_ours = med([d["runs"][0]["seconds"] for d in ours_cold])
s_torch = med([med(d["epoch_s"][1:]) for d in torch_mnist if len(d["epoch_s"]) > 1])
s_numpy = med([med(d["epoch_s"][1:]) for d in numpy_mnist if len(d["epoch_s"]) > 1])
x_ours = med([d["medianSeconds"] for d in ours_xor])
x_ours_first = med([d["runs"][0]["seconds"] for d in ours_xor])
x_numpy = med([d["train_seconds"] for d in numpy_xor])
p_ours = med([d["medianSeconds"] for d in ours_pct])
p_sk = med([d["fit_s"] / d["n_iter"] for d in sk_pct])
peak = max([d["peakWorkingSetMb"] for d in ours_mnist], default=float("nan"))

print(f"rounds: {len(ours_mnist)}; seconds are medians over rounds")
print(f"{'workload':<34}{'Rosenblatt':>12}{'peer':>12}  {'ratio':>8}  target")
print(f"{'MNIST 1st epoch, 2 thr vs torch':<34}{m_ours:>12.4f}{m_torch:>12.4f}  {m_ours / m_torch:>7.2f}x  <= 0.5x torch's time (ours after its warm-up)")
print(f"{'MNIST later epochs vs torch':<34}{s_ours:>12.4f}{s_torch:>12.4f}  {s_ours / s_torch:>7.2f}x  <= 0.5x (steady state)")
print(f"{'MNIST cold 1st epoch vs torch 1st':<34}{c_ours:>12.4f}{m_torch:>12.4f}  {c_ours / m_torch:>7.2f}x  (no warm-up: includes the JIT)")
print(f"{'MNIST 1st epoch vs numpy':<34}{m_ours:>12.4f}{m_numpy:>12.4f}  {m_ours / m_numpy:>7.2f}x  (for reference)")
print(f"{'MNIST later epochs vs numpy':<34}{s_ours:>12.4f}{s_numpy:>12.4f}  {s_ours / s_numpy:>7.2f}x  (for reference)")
print(f"{'  test accuracy after 1 epoch':<34}{med([d['runs'][0]['testAccuracy'] for d in ours_mnist]):>12.4f}"
      f"{med([d['test_acc_per_epoch'][0] for d in torch_mnist]):>12.4f}  (torch)")
print(f"{'  test accuracy after last epoch':<34}{med([d['finalAccuracy'] for d in ours_mnist]):>12.4f}"
      f"{med([d['final_test_acc'] for d in torch_mnist]):>12.4f}  (torch)")
print(f"{'XOR seed 002, 10000 epochs':<34}{x_ours:>12.5f}{x_numpy:>12.4f}  {x_numpy / x_ours:>7.1f}x  >= 100x faster (median of 5 runs each round)")
print(f"{'  first timed run of each process':<34}{x_ours_first:>12.5f}{x_numpy:>12.4f}  {x_numpy / x_ours_first:>7.1f}x  (after the untimed warm-up)")
print(f"{'perceptron OvR epoch vs sklearn':<34}{p_ours:>12.4f}{p_sk:>12.4f}  {p_sk / p_ours:>7.1f}x  >= 5x faster (sklearn: fit_s / n_iter)")
print(f"{'  test accuracy':<34}{med([d['finalAccuracy'] for d in ours_pct]):>12.4f}{med([d['test_acc'] for d in sk_pct]):>12.4f}"
      f"  (sklearn n_iter {med([d['n_iter'] for d in sk_pct]):.0f})")
print(f"{'peak memory, MNIST training (MB)':<34}{peak:>12.0f}{'':>12}  {'':>8}  <= 300 MB")
print("blas:", sorted({d.get("blas", "?") for d in torch_mnist + numpy_mnist + sk_pct}))
EOF
echo "raw output: $OUT"
