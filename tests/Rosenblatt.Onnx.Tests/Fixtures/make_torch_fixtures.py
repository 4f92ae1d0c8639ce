"""Writes the PyTorch fixtures the ONNX import tests read. Run from this folder:

    /usr/bin/python3 make_torch_fixtures.py

Made with Debian's python3-torch 1.13.1 (apt-get install python3-torch); torch.onnx.export in that version
writes the file itself and needs no `onnx` Python module. Outputs (all small, kept in the repository):

- torch_mlp.onnx: a 4-8-6-5-3 MLP, every activation import reads: Linear (exported as Gemm) + ReLU, a hand-written
  x @ W + b layer (exported as MatMul + Add) + Tanh, Linear + LeakyReLU(0.2), Linear + Sigmoid, Linear + Softmax.
- torch_mlp_expected.json: 300 seeded input rows and the probabilities PyTorch computed for them (float32, as text
  with 9 significant digits, which round-trips float32 exactly).
- torch_elu.onnx: a Linear + ELU network, which import must refuse (ELU is not a Rosenblatt activation).
"""
import json

import torch
from torch import nn

torch.manual_seed(13)


class MatMulAdd(nn.Module):
    """A linear layer written as x @ W + b, which torch.onnx.export writes as MatMul + Add instead of Gemm."""

    def __init__(self, inputs, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(inputs, units) * 0.5)
        self.bias = nn.Parameter(torch.randn(units) * 0.1)

    def forward(self, x):
        return x @ self.weight + self.bias


mlp = nn.Sequential(
    nn.Linear(4, 8), nn.ReLU(),
    MatMulAdd(8, 6), nn.Tanh(),
    nn.Linear(6, 5), nn.LeakyReLU(0.2),
    nn.Linear(5, 5), nn.Sigmoid(),
    nn.Linear(5, 3), nn.Softmax(dim=1),
).eval()

x = torch.randn(300, 4) * 2.0
with torch.no_grad():
    probabilities = mlp(x)

torch.onnx.export(mlp, x[:1], "torch_mlp.onnx", input_names=["x"], output_names=["probabilities"],
                  dynamic_axes={"x": {0: "batch"}, "probabilities": {0: "batch"}}, opset_version=13)

with open("torch_mlp_expected.json", "w") as f:
    json.dump({
        "producer": f"torch {torch.__version__}",
        "inputs": [[float(f"{v:.9g}") for v in row] for row in x.tolist()],
        "probabilities": [[float(f"{v:.9g}") for v in row] for row in probabilities.tolist()],
    }, f, indent=None)
    f.write("\n")

elu = nn.Sequential(nn.Linear(4, 3), nn.ELU()).eval()
torch.onnx.export(elu, x[:1], "torch_elu.onnx", input_names=["x"], output_names=["y"],
                  dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}}, opset_version=13)
print("wrote torch_mlp.onnx, torch_mlp_expected.json, torch_elu.onnx with torch", torch.__version__)
