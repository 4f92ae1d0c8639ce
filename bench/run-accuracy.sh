#!/bin/sh
# The accuracy targets of the "real data" issue, measured on MNIST and Fashion-MNIST with the settings
# docs/cli.md recommends (the `train` defaults: one 128-unit ReLU layer, Adam lr 0.001, batches of 32,
# minmax scaling for images, seed 42), 10 epochs each, scored on each set's own 10,000 test images.
#
# usage: bench/run-accuracy.sh [epochs]     (default 10)
#
# Targets: MNIST 784-128-10 >= 97.5% within 10 epochs, Fashion-MNIST >= 87%. The raw output of each
# run (every epoch, the final table) goes to bench/results/accuracy-<UTC time>/; the last lines printed
# are the summary (also saved as summary.txt there).
set -e
cd "$(dirname "$0")/.."
EPOCHS=${1:-10}
DATA=$(cd ../shared/data 2>/dev/null && pwd || { echo "../shared/data not found beside the repository" >&2; exit 1; })
OUT=bench/results/accuracy-$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p "$OUT"
{
  date -u
  lscpu | grep -E "Model name|^CPU\(s\)"
  dotnet --version
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt" 2>&1
cat "$OUT/machine.txt"

dotnet build src/Rosenblatt.Cli -c Release -v q -nologo >/dev/null
OURS="dotnet src/Rosenblatt.Cli/bin/Release/net10.0/Rosenblatt.Cli.dll"

# The trained models (1.3 MB each) go to a temporary folder, not into the repository.
MODELS=$(mktemp -d)
trap 'rm -rf "$MODELS"' EXIT
summary="$OUT/summary.txt"
printf '%-15s %7s %22s %10s %s\n' "data" "epochs" "test accuracy" "seconds" "target" > "$summary"
for set in mnist fashion-mnist; do
  case $set in mnist) target=">= 97.5%" ;; *) target=">= 87%" ;; esac
  start=$(date +%s%N)
  $OURS train --data $set --data-dir "$DATA" --epochs "$EPOCHS" --seed 42 \
    --out "$MODELS/$set.json" --json > "$OUT/$set-train.json"
  end=$(date +%s%N)
  acc=$(python3 -c "import json; d=json.load(open('$OUT/$set-train.json')); print('%.2f%% (%d/%d)' % (100*d['testAccuracy'], d['testCorrect'], d['testTotal']))")
  secs=$(( (end - start) / 1000000 ))
  printf '%-15s %7s %22s %10s %s\n' "$set" "$EPOCHS" "$acc" "$((secs / 1000)).$(printf '%03d' $((secs % 1000)))" "$target" >> "$summary"
done
cat "$summary"
