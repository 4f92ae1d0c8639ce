"""`rosenblatt train --data mnist --epochs 1` done in PyTorch: the whole process, start-up and imports included.

usage: python3 mnist_train_torch.py --data-dir DIR [--threads 2] [--seed 42] [--init torch|rosenblatt] [--scale div255|minmax]

The same work as the command's defaults: 784-128-10, ReLU, softmax + cross-entropy, Adam lr 1e-3, batches of 32
shuffled, one epoch over the 60,000 training images, pixels / 255, then the accuracy on the 10,000 test images
(and on the training images, as `train` reports both). Reads the gzip IDX files from DIR/mnist/. Prints one JSON
line: the seconds of each phase measured inside the process (imports, load, train, evaluate), the test accuracy
and the peak resident memory. The run-comparison script times the whole process from outside as well.

--init chooses how the weights start. `torch` (the default) is nn.Linear's own: weights and biases uniform in
±1/sqrt(fan_in). `rosenblatt` draws from the distributions `rosenblatt train` uses for this network: the ReLU layer's
weights Gaussian with sigma sqrt(2/784) (He), the softmax layer's uniform in ±sqrt(6/(128+10)) (Xavier), biases zero.
The draws themselves differ (another generator), so single runs still differ; over seeds the two should agree. It
exists to tell the effect of the starting weights on one epoch's accuracy apart from the rest of the training.

--scale chooses the inputs. `div255` (the default) is pixels / 255. `minmax` is what `rosenblatt train` does for images:
each pixel scaled by its own training range, (x - min) / (max - min), a constant pixel's range taken as 1.
"""
import time

T0 = time.perf_counter()
import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import struct  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--data-dir", required=True)
ap.add_argument("--threads", type=int, default=2)
ap.add_argument("--seed", type=int, default=42)
ap.add_argument("--init", choices=("torch", "rosenblatt"), default="torch")
ap.add_argument("--scale", choices=("div255", "minmax"), default="div255")
args = ap.parse_args()
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

T_IMPORTS = time.perf_counter()


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    _, _, ndim = struct.unpack(">HBB", data[:4])
    shape = struct.unpack(f">{ndim}I", data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load(prefix):
    folder = os.path.join(args.data_dir, "mnist")
    x = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"))
    y = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"))
    return x.reshape(len(x), -1), torch.from_numpy(y.astype(np.int64))


def scaled(x, lo, span):
    # In float32 throughout, so pixels / 255 is the same work (and memory) as before this option existed.
    return torch.from_numpy((x.astype(np.float32) - lo) / span)


torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)
xtr, ytr = load("train")
xte, yte = load("t10k")
if args.scale == "minmax":
    lo, hi = xtr.min(axis=0).astype(np.float32), xtr.max(axis=0).astype(np.float32)
    span = np.where(hi > lo, hi - lo, np.float32(1.0)).astype(np.float32)
else:
    lo, span = np.float32(0.0), np.float32(255.0)
xtr, xte = scaled(xtr, lo, span), scaled(xte, lo, span)
T_LOAD = time.perf_counter()

model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
if args.init == "rosenblatt":
    with torch.no_grad():
        model[0].weight.normal_(0.0, (2.0 / 784) ** 0.5)
        model[2].weight.uniform_(-(6.0 / (128 + 10)) ** 0.5, (6.0 / (128 + 10)) ** 0.5)
        model[0].bias.zero_()
        model[2].bias.zero_()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
perm = torch.randperm(len(xtr))
for start in range(0, len(xtr), 32):
    idx = perm[start:start + 32]
    opt.zero_grad()
    loss = loss_fn(model(xtr[idx]), ytr[idx])
    loss.backward()
    opt.step()
T_TRAIN = time.perf_counter()

with torch.no_grad():
    test_acc = (model(xte).argmax(1) == yte).float().mean().item()
    train_acc = (model(xtr).argmax(1) == ytr).float().mean().item()
T_EVAL = time.perf_counter()

print(json.dumps({
    "bench": "mnist_train_torch",
    "imports_s": T_IMPORTS - T0, "load_s": T_LOAD - T_IMPORTS, "train_s": T_TRAIN - T_LOAD, "evaluate_s": T_EVAL - T_TRAIN,
    "in_process_s": T_EVAL - T0, "test_acc": test_acc, "train_acc": train_acc, "final_loss": loss.item(),
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "torch": torch.__version__,
    "threads": torch.get_num_threads(), "init": args.init, "scale": args.scale,
}), flush=True)
