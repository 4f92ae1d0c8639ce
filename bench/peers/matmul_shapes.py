"""NumPy (OpenBLAS) fp32 GFLOP/s at the shapes of Rosenblatt's gemm-quick table, timed the same way.

usage: LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 matmul_shapes.py --threads 1
Each rep runs enough calls to last >= 50 ms after a warm-up; prints the median of --reps reps.
Transposed operands are passed as views (a.T), so OpenBLAS gets a transpose flag, not a copy.
"""
import argparse
import sys

import os

# The shared peers' helpers: ../shared/peers beside the repository (this file is bench/peers/ in it).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "peers"))
from common import emit, threads_from_argv, timer  # noqa: E402

threads = threads_from_argv()
ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--reps", type=int, default=7)
args = ap.parse_args()

import numpy as np  # noqa: E402

SHAPES = [  # name, m, n, k, transpose A, transpose B
    ("64^3", 64, 64, 64, False, False),
    ("128^3", 128, 128, 128, False, False),
    ("256^3", 256, 256, 256, False, False),
    ("512^3", 512, 512, 512, False, False),
    ("1024^3", 1024, 1024, 1024, False, False),
    ("2048^3", 2048, 2048, 2048, False, False),
    ("fwd1", 128, 128, 784, False, False),
    ("fwd2", 128, 10, 128, False, False),
    ("dW1", 784, 128, 128, True, False),
    ("dW2", 128, 10, 128, True, False),
    ("dH", 128, 128, 10, False, True),
]

rng = np.random.default_rng(0)
results = {}
for name, m, n, k, ta, tb in SHAPES:
    a = rng.standard_normal((k, m) if ta else (m, k), dtype=np.float32)
    b = rng.standard_normal((n, k) if tb else (k, n), dtype=np.float32)
    opa, opb = (a.T if ta else a), (b.T if tb else b)
    c = np.empty((m, n), dtype=np.float32)
    f = lambda: np.matmul(opa, opb, out=c)  # noqa: E731
    t0, calls = timer(), 0
    while timer() - t0 < 0.05 or calls < 3:
        f()
        calls += 1
    times = []
    for _ in range(args.reps):
        t0 = timer()
        for _ in range(calls):
            f()
        times.append((timer() - t0) / calls)
    times.sort()
    results[name] = round(2.0 * m * n * k / times[len(times) // 2] / 1e9, 1)

emit("matmul_shapes", threads=threads, reps=args.reps, median_gflops=results)
