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
seeds = sorted(set(ours) & set(torch) & set(matched))
print("test accuracy (%) after one epoch of MNIST 784-128-10, Adam 1e-3, batch 32")
print(f"{'seed':<6}{'ours':>8}{'torch init':>12}{'ours - it':>11}{'our init':>10}{'ours - it':>11}")
for s in seeds:
    print(f"{s:<6}{ours[s]:>8.2f}{torch[s]:>12.2f}{ours[s] - torch[s]:>+11.2f}{matched[s]:>10.2f}{ours[s] - matched[s]:>+11.2f}")
for name, f in (("mean", statistics.mean), ("median", statistics.median)):
    o, t, m = (f([d[s] for s in seeds]) for d in (ours, torch, matched))
    print(f"{name:<6}{o:>8.2f}{t:>12.2f}{o - t:>+11.2f}{m:>10.2f}{o - m:>+11.2f}")
if len(seeds) > 1:
    print(f"spread over seeds (standard deviation): ours {statistics.stdev([ours[s] for s in seeds]):.2f}, "
          f"torch init {statistics.stdev([torch[s] for s in seeds]):.2f}, our init {statistics.stdev([matched[s] for s in seeds]):.2f} points")
print(f"seeds: {len(seeds)} (target: same test accuracy within 0.3 points)")
