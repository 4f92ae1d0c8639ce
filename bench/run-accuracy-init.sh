#!/bin/sh
# Issue 14's "same test accuracy within 0.3 points", seed by seed: one epoch of `rosenblatt train --data mnist --epochs 1`
# (the defaults: 784-128-10, ReLU, Adam 1e-3, batch 32, minmax scaling) against bench/peers/mnist_train_torch.py doing the
# same work, three ways: with nn.Linear's own starting weights and pixels / 255 (the peer's defaults); with Rosenblatt's
# starting distributions (--init rosenblatt: He-normal ReLU layer, Xavier-uniform softmax layer, zero biases); and with
# those and Rosenblatt's min-max scaling of each pixel (--scale minmax), which is then the same work as ours but for the
# random draws (another generator: the starting weights and the shuffle differ seed for seed). Accuracy does not depend on the
# machine's load, so this script takes no timings; PyTorch runs on one thread (its results do not depend on it).
#
# usage: bench/run-accuracy-init.sh [first-seed] [seeds]     (default 42 and 10: seeds 42..51)
#
# Raw JSON per run goes to bench/results/accuracy-init-<UTC time>/; the last lines printed are the per-seed table and the
# means and medians (also saved as summary.txt there).
set -e
cd "$(dirname "$0")/.."
FIRST=${1:-42}
COUNT=${2:-10}
DATA=$(cd ../shared/data 2>/dev/null && pwd || { echo "../shared/data not found beside the repository" >&2; exit 1; })
PY=/usr/bin/python3
PKGS="python3-numpy python3-torch libopenblas0-openmp"
if ! dpkg -s $PKGS >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PKGS >/dev/null
fi
OUT=bench/results/accuracy-init-$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p "$OUT"
dotnet build src/Rosenblatt.Cli -c Release -v q -nologo >/dev/null
OURS="dotnet src/Rosenblatt.Cli/bin/Release/net10.0/Rosenblatt.Cli.dll"
OB=/usr/lib/x86_64-linux-gnu/openblas-openmp
seed=$FIRST
while [ "$seed" -lt $((FIRST + COUNT)) ]; do
  echo "seed $seed: $(uptime)" | tee -a "$OUT/load.txt"
  $OURS train --data mnist --epochs 1 --data-dir "$DATA" --seed "$seed" --json > "$OUT/ours-$seed.json"
  LD_LIBRARY_PATH=$OB $PY bench/peers/mnist_train_torch.py --data-dir "$DATA" --threads 1 --seed "$seed" --init torch > "$OUT/torch-$seed.json"
  LD_LIBRARY_PATH=$OB $PY bench/peers/mnist_train_torch.py --data-dir "$DATA" --threads 1 --seed "$seed" --init rosenblatt > "$OUT/torch-rosenblatt-init-$seed.json"
  LD_LIBRARY_PATH=$OB $PY bench/peers/mnist_train_torch.py --data-dir "$DATA" --threads 1 --seed "$seed" --init rosenblatt --scale minmax > "$OUT/torch-rosenblatt-init-minmax-$seed.json"
  seed=$((seed + 1))
done
$PY bench/accuracy_init_summary.py "$OUT" | tee "$OUT/summary.txt"
