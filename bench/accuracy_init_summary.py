"""The table of bench/run-accuracy-init.sh: test accuracy after one epoch, seed by seed, ours against PyTorch with its
own starting weights and with Rosenblatt's distributions; then the means, medians and differences in points.

usage: python3 bench/accuracy_init_summary.py bench/results/accuracy-init-<time>
"""
import glob
import json
import os
import statistics
import sys

out = sys.argv[1]


def runs(prefix, key):
    found = {}
    for path in glob.glob(os.path.join(out, prefix + "[0-9]*.json")):
        try:
            doc = json.loads(open(path).read().strip().splitlines()[-1]) if prefix != "ours-" else json.load(open(path))
        except (OSError, ValueError, IndexError):
            continue
        found[int(os.path.basename(path)[len(prefix):-5])] = doc[key] * 100
    return found


ours = runs("ours-", "testAccuracy")
torch = runs("torch-", "test_acc")
matched = runs("torch-rosenblatt-init-", "test_acc")
same = runs("torch-rosenblatt-init-minmax-", "test_acc")
seeds = sorted(set(ours) & set(torch) & set(matched) & set(same))
print("test accuracy (%) after one epoch of MNIST 784-128-10, Adam 1e-3, batch 32; PyTorch three ways:")
print("  A: its own starting weights, pixels / 255 (the peer's defaults); B: Rosenblatt's starting distributions, pixels / 255;")
print("  C: Rosenblatt's starting distributions and min-max scaling (the same work as ours but for the random draws)")
print(f"{'seed':<6}{'ours':>8}{'A':>8}{'ours-A':>8}{'B':>8}{'ours-B':>8}{'C':>8}{'ours-C':>8}")
for s in seeds:
    print(f"{s:<6}{ours[s]:>8.2f}{torch[s]:>8.2f}{ours[s] - torch[s]:>+8.2f}{matched[s]:>8.2f}{ours[s] - matched[s]:>+8.2f}"
          f"{same[s]:>8.2f}{ours[s] - same[s]:>+8.2f}")
for name, f in (("mean", statistics.mean), ("median", statistics.median)):
    o, t, m, c = (f([d[s] for s in seeds]) for d in (ours, torch, matched, same))
    print(f"{name:<6}{o:>8.2f}{t:>8.2f}{o - t:>+8.2f}{m:>8.2f}{o - m:>+8.2f}{c:>8.2f}{o - c:>+8.2f}")
if len(seeds) > 1:
    print("spread over seeds (standard deviation, points): " + ", ".join(
        f"{n} {statistics.stdev([d[s] for s in seeds]):.2f}" for n, d in (("ours", ours), ("A", torch), ("B", matched), ("C", same))))
print(f"seeds: {len(seeds)} (target: same test accuracy within 0.3 points)")
