#!/bin/sh
# The checks on the full MNIST and Fashion-MNIST files (70,000 images each, the official sizes and SHA-256 sums) that
# the unit tests make on the 300-image fixtures kept in the repository (tests/Rosenblatt.Tests/Fixtures/data).
#
# usage: bench/check-full-data.sh [data-dir]
#
# Where the data comes from: the folder given, else $ROSENBLATT_DATA, else ../shared/data beside the repository
# (the project's reference copies of the official files; see the README there). Without any of them, fetch the
# official files first: `rosenblatt data fetch mnist --data-dir DIR` and `rosenblatt data fetch fashion-mnist
# --data-dir DIR` (downloads checked against the same SHA-256 sums), then pass DIR.
set -e
cd "$(dirname "$0")/.."
DATA=${1:-${ROSENBLATT_DATA:-../shared/data}}
if [ ! -d "$DATA/mnist" ] || [ ! -d "$DATA/fashion-mnist" ]; then
  echo "no MNIST and Fashion-MNIST under '$DATA'. help: pass a folder holding mnist/ and fashion-mnist/, or fetch them with 'rosenblatt data fetch mnist --data-dir DIR'." >&2
  exit 2
fi
dotnet run -c Release --project bench/Rosenblatt.Benchmarks -- full-data "$DATA"
