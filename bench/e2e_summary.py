"""The end-to-end table of bench/run-comparison.sh: every round's figures, then the medians and ratios.

usage: python3 bench/e2e_summary.py bench/results/comparison-<time>
"""
import glob
import json
import os
import statistics
import sys

out = sys.argv[1]


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def times(path):
    """Lines of /usr/bin/time -f "%e %U %S %M": wall, user, sys seconds and peak KB."""
    if not os.path.exists(path):
        return []
    return [[float(v) for v in line.split()] for line in open(path) if line.split() and line.split()[0][0].isdigit()]


def last_json(path):
    try:
        return json.loads(open(path).read().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        return None


rows = []
for t in sorted(glob.glob(os.path.join(out, "e*-ours-train.time")), key=lambda p: int(os.path.basename(p)[1:].split("-")[0])):
    e = os.path.basename(t).split("-")[0]
    ours = times(t)[0]
    doc = json.load(open(os.path.join(out, f"{e}-ours-train.json")))
    torch_times = times(os.path.join(out, f"{e}-torch-train.time"))
    tdoc = last_json(os.path.join(out, f"{e}-torch-train.json"))
    version = [v[0] for v in times(os.path.join(out, f"{e}-ours-version.time"))]
    rows.append((e, ours, doc, torch_times[0] if torch_times and tdoc else None, tdoc, version))

nan = float("nan")
print("end-to-end: `rosenblatt train --data mnist --epochs 1` (ReadyToRun) vs bench/peers/mnist_train_torch.py, whole processes")
print(f"{'round':<6}{'ours wall s':>12}{'cpu s':>8}{'peak MB':>9}{'test acc':>10}  {'torch wall s':>13}{'cpu s':>8}{'peak MB':>9}"
      f"{'test acc':>10}{'ratio':>8}  --version wall s")
for e, ours, doc, tt, tdoc, version in rows:
    tw, tc, tm = (tt[0], tt[1] + tt[2], tt[3] / 1024) if tt else (nan, nan, nan)
    ta = tdoc["test_acc"] if tdoc else nan
    print(f"{e:<6}{ours[0]:>12.2f}{ours[1] + ours[2]:>8.2f}{ours[3] / 1024:>9.0f}{doc['testAccuracy']:>10.4f}  "
          f"{tw:>13.2f}{tc:>8.2f}{tm:>9.0f}{ta:>10.4f}{ours[0] / tw:>7.2f}x  " + " ".join(f"{v:.2f}" for v in version))
done = [r for r in rows if r[3]]
ow, tw = med([r[1][0] for r in rows]), med([r[3][0] for r in done])
print(f"median wall: ours {ow:.2f} s, torch {tw:.2f} s: {ow / tw:.2f}x (target <= 0.5x); median of the rounds' ratios "
      f"{med([r[1][0] / r[3][0] for r in done]):.2f}x; torch runs finished: {len(done)} of {len(rows)}")
print(f"median cpu (user + sys): ours {med([r[1][1] + r[1][2] for r in rows]):.2f} s, torch {med([r[3][1] + r[3][2] for r in done]):.2f} s")
print(f"peak RSS: ours max {max(r[1][3] for r in rows) / 1024:.0f} MB (target <= 300 MB), torch median {med([r[3][3] / 1024 for r in done]):.0f} MB")
print(f"test accuracy: ours median {med([r[2]['testAccuracy'] for r in rows]):.4f}, torch median {med([r[4]['test_acc'] for r in done]):.4f} "
      "(target: within 0.003)")
epochs = [r[2]["history"][0].get("elapsedSeconds") for r in rows if r[2].get("history")]
epochs = [e for e in epochs if e]
if epochs:
    te = med([r[4]["train_s"] for r in done])
    print(f"one epoch (Adam, batch 32): ours median {med(epochs):.2f} s (trainer's clock), torch's training loop {te:.2f} s: "
          f"{med(epochs) / te:.2f}x (target <= 0.5x)")
print("torch phases, median s: " + ", ".join(f"{k} {med([r[4][k + '_s'] for r in done]):.2f}" for k in ("imports", "load", "train", "evaluate")))
print(f"torch threads: {sorted({r[4]['threads'] for r in done})}; ours: 2 (the engine's default on 2 cores)")
versions = [v for r in rows for v in r[5]]
print(f"rosenblatt --version: median {med(versions):.3f} s wall over {len(versions)} runs (target < 0.1 s)")
