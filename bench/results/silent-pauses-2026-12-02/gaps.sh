#!/bin/sh
# usage: gaps.sh PATH/TO/Rosenblatt.Cli LABEL WORKDIR
# Runs each command piped (plain mode) through bench/line-gaps.py and prints the longest gap between output lines.
# WORKDIR must hold mnist-test-10000.csv (MNIST's 10,000 test images as CSV, header pixel_R_C..., label).
B=$1; L=$2; W=${3:-.}
HERE=$(cd "$(dirname "$0")" && pwd)
export ROSENBLATT_DATA=${ROSENBLATT_DATA:-$HERE/../../../../shared/data}
cd "$W" || exit 1
G="python3 $HERE/../../line-gaps.py --show --"
run() { echo "== $L: $*  ($(uptime | sed 's/.*load/load/'))"; $G $B "$@" | tail -${TAILN:-4}; }
TAILN=6 run train --data mnist --epochs 1 --out net-$L.json
run train --model logistic --data mnist --epochs 1
run train --model perceptron --data mnist --epochs 1
run evaluate --model net-$L.json --data mnist
run evaluate --model net-$L.json --data mnist --all
echo "== $L: predict to stdout ($(uptime | sed 's/.*load/load/'))"; python3 "$HERE/../../line-gaps.py" -- $B predict --model net-$L.json --data mnist-test-10000.csv --label label
run predict --model net-$L.json --data mnist-test-10000.csv --label label --out pred-$L.csv
TAILN=12 run bench mnist --repeat 3
TAILN=12 run bench perceptron --repeat 2
TAILN=12 run data fetch mnist
