#!/bin/sh
# Rosenblatt's gemm-quick table and NumPy+OpenBLAS at the same shapes, alternately, two rounds in one run.
# Needs: apt-get install -y python3-numpy python3-torch libopenblas0-openmp
set -e
cd "$(dirname "$0")/.."
OB=/usr/lib/x86_64-linux-gnu/openblas-openmp
PEERS=$(cd ../shared/peers 2>/dev/null && pwd || { echo "../shared/peers not found beside the repository" >&2; exit 1; })
lscpu | grep -E "Model name|^CPU\(s\)"; dotnet --version; uptime
dotnet build bench/Rosenblatt.Benchmarks -c Release -v q -nologo >/dev/null
for round in 1 2; do
  dotnet run -c Release --no-build --project bench/Rosenblatt.Benchmarks -- gemm-quick 7
  for t in 1 2; do
    LD_LIBRARY_PATH=$OB /usr/bin/python3 bench/peers/matmul_shapes.py --threads $t --reps 7
    LD_LIBRARY_PATH=$OB /usr/bin/python3 $PEERS/matmul_bench.py --threads $t --n 1024 --reps 5
  done
done
uptime
