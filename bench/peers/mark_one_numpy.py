"""Peer for the Mark I epoch benchmark: the same machine in NumPy, written the way NumPy suggests.

20x20 binary retina (MNIST's centre 20x20, lit where grey >= 128), 512 A-units each wired to 5 excitatory and
5 inhibitory distinct random points, firing when the signed count of lit points >= 2; 8 R-units on the same
output code as Rosenblatt's ResponseCode (the first 10 words of the distance-4 lexicode on 8 bits), trained by
error correction (+/-1 on the active A-units' weights and the bias of each wrong R-unit), images in a seeded
random order. The A-layer is one dense product per pass (uint8 retina @ +/-1 wiring matrix, float32 BLAS);
the R-layer is a Python loop over the images, because error correction is online: each image sees the
weights the previous one left. The plugboard is drawn by NumPy's generator, so the wires differ from
Rosenblatt's (same sizes and distribution); accuracy is comparable, not identical.

usage: python3 mark_one_numpy.py [data-dir] [passes]     prints one JSON line
"""
import gzip, json, os, struct, sys, time

import numpy as np


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    _, _, ndim = struct.unpack(">HBB", data[:4])
    shape = struct.unpack(f">{ndim}I", data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load(directory, prefix):
    x = read_idx(os.path.join(directory, f"{prefix}-images-idx3-ubyte.gz"))[:, 4:24, 4:24].reshape(-1, 400)
    y = read_idx(os.path.join(directory, f"{prefix}-labels-idx1-ubyte.gz")).astype(np.int64)
    return (x >= 128).astype(np.float32), y


def lexicode(length, distance, needed):
    words = []
    for w in range(1 << length):
        if all(bin(w ^ c).count("1") >= distance for c in words):
            words.append(w)
            if len(words) == needed:
                break
    return words


def main():
    directory = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "../shared/data", "mnist")
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    t0 = time.perf_counter()
    x, y = load(directory, "train")
    xt, yt = load(directory, "t10k")
    load_s = time.perf_counter() - t0
    rng = np.random.default_rng(1)
    units, exc, inh, theta, r = 512, 5, 5, 2, 8
    wiring = np.zeros((400, units), dtype=np.float32)
    for a in range(units):
        points = rng.choice(400, exc + inh, replace=False)
        wiring[points[:exc], a] = 1
        wiring[points[exc:], a] = -1
    code = np.array([[1 if (w >> k) & 1 else -1 for k in range(r)] for w in lexicode(r, 4, 10)], dtype=np.float32)
    weights = np.zeros((units, r), dtype=np.float32)
    bias = np.zeros(r, dtype=np.float32)
    times, cpu, mistakes = [], [], []
    for _ in range(passes):
        start, start_cpu = time.perf_counter(), time.process_time()
        active = (x @ wiring) >= theta
        wrong = 0
        for i in rng.permutation(len(x)):
            on = np.flatnonzero(active[i])
            response = bias + weights[on].sum(axis=0)
            signs = np.where(response >= 0, 1.0, -1.0)
            target = code[y[i]]
            distance = (code != signs).sum(axis=1)
            if np.argmin(distance) != y[i]:
                wrong += 1
            delta = np.where(signs != target, target, 0.0).astype(np.float32)
            if delta.any():
                weights[on] += delta
                bias += delta
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        mistakes.append(wrong)
    active = (xt @ wiring) >= theta
    signs = np.where(bias + active.astype(np.float32) @ weights >= 0, 1.0, -1.0)
    accuracy = float((np.argmin((signs[:, None, :] != code[None, :, :]).sum(axis=2), axis=1) == yt).mean())
    print(json.dumps({"peer": "numpy", "workload": "mark-one-epoch", "passSeconds": times, "passCpuSeconds": cpu, "mistakes": mistakes,
                      "testAccuracy": accuracy, "loadSeconds": load_s, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
