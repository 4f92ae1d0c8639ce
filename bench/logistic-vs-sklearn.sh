#!/bin/sh
# LogisticRegression against scikit-learn's on the digits (all 1,797 rows, raw features, C = 1 -> L2 = 1/(C*n)).
# Needs Debian's python3-sklearn (apt-get install python3-sklearn); run from the repository root.
# Prints scikit-learn's runs (the reference: newton-cg to a tight tolerance; lbfgs tight; lbfgs defaults) and ours, each with the
# relative difference of all coefficients and intercepts from the reference.
set -e
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
uptime
/usr/bin/python3 bench/peers/logreg_digits.py --solver newton-cg --tol 1e-12 --max-iter 10000 > "$out/reference.json"
/usr/bin/python3 bench/peers/logreg_digits.py --tol 1e-10 --max-iter 100000 > "$out/lbfgs-tight.json"
/usr/bin/python3 bench/peers/logreg_digits.py > "$out/default.json"
dotnet run -c Release --project bench/Rosenblatt.Benchmarks -- logistic-vs-sklearn "$out/reference.json" "$out/lbfgs-tight.json" "$out/default.json"
uptime
