#!/usr/bin/env python3
"""Start-up of an installed rosenblatt tool: wall and CPU time of `<command> --version`, N runs each, alternating.

usage: bench/tool-startup.py [--runs N] LABEL=COMMAND [LABEL=COMMAND ...]
  COMMAND is split on spaces; a leading VAR=value word sets an environment variable, e.g.
  bench/tool-startup.py r2r=/tmp/t/rosenblatt "jit=DOTNET_ReadyToRun=0 /tmp/t/rosenblatt"
Prints `uptime` before and after, every run's wall seconds, and per label the median wall and mean user/sys CPU
(from os.wait4, the same figures /usr/bin/time -f "%e %U %S" prints).
"""
import os, statistics, subprocess, sys, time

def run(argv, env):
    start = time.perf_counter()
    p = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"error: {' '.join(argv)} exited with {status}")
    return wall, usage.ru_utime, usage.ru_stime

def main():
    args = sys.argv[1:]
    runs = 10
    if args[:1] == ["--runs"]:
        runs, args = int(args[1]), args[2:]
    if not args:
        sys.exit(__doc__)
    commands = []
    for spec in args:
        label, _, command = spec.partition("=")
        env, words = dict(os.environ), command.split()
        while words and "=" in words[0] and not words[0].startswith("/"):
            k, _, v = words.pop(0).partition("=")
            env[k] = v
        commands.append((label, words + ["--version"], env))
    print("before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    results = {label: [] for label, _, _ in commands}
    for _ in range(runs):
        for label, argv, env in commands:  # alternating, so load changes hit every label alike
            results[label].append(run(argv, env))
    print("after: ", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    for label, rs in results.items():
        walls = [w for w, _, _ in rs]
        print(f"{label:>12}: median wall {statistics.median(walls):.3f} s, mean user {statistics.mean(u for _, u, _ in rs):.3f} s, "
              f"sys {statistics.mean(s for _, _, s in rs):.3f} s; runs: {' '.join(f'{w:.3f}' for w in walls)}")

main()
