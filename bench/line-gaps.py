#!/usr/bin/env python3
"""Times the gaps between output lines of a command, as a user watching a pipe or a log sees them.

Usage: python3 bench/line-gaps.py [--show] -- COMMAND ARGS...
Runs COMMAND with stdout and stderr merged into one pipe (not a terminal, so the CLI prints plain lines), stamps each
line as it arrives and prints the longest gap: from the start to the first line, between two lines, or from the last
line to the exit. --show prints every line with its time since the start.
"""
import subprocess
import sys
import time

args = sys.argv[1:]
show = "--show" in args[: args.index("--")] if "--" in args else False
command = args[args.index("--") + 1:] if "--" in args else args
start = time.monotonic()
process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
last, last_line, worst = start, "(start)", (0.0, "", "")
lines = 0
for raw in process.stdout:
    now = time.monotonic()
    line = raw.decode("utf-8", "replace").rstrip("\n")
    lines += 1
    if show:
        print(f"{now - start:7.2f}  {line}")
    if now - last > worst[0]:
        worst = (now - last, last_line, line)
    last, last_line = now, line
code = process.wait()
end = time.monotonic()
if end - last > worst[0]:
    worst = (end - last, last_line, "(exit)")
print(f"lines {lines}, wall {end - start:.2f} s, exit {code}, longest gap {worst[0]:.2f} s: after '{worst[1][:70]}' until '{worst[2][:70]}'")
