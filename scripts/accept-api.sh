#!/bin/sh
# Accepts the current public API of Rosenblatt and Rosenblatt.Onnx: reruns the public-API snapshot test with
# ROSENBLATT_ACCEPT_API=1, which writes tests/Rosenblatt.Onnx.Tests/PublicApi/*.approved.txt from the built assemblies.
# Review the diff (git diff tests/Rosenblatt.Onnx.Tests/PublicApi) and commit it with the change that caused it.
set -e
cd "$(dirname "$0")/.."
ROSENBLATT_ACCEPT_API=1 dotnet test tests/Rosenblatt.Onnx.Tests --filter "FullyQualifiedName~PublicApiTests" -v q -nologo
git --no-pager diff --stat -- tests/Rosenblatt.Onnx.Tests/PublicApi
