"""Instruments a checkout's `rosenblatt train` with phase probes, for bench/run-train-profile.sh (never committed code).

usage: python3 bench/train_profile.py path/to/src/Rosenblatt.Cli/Commands/TrainCommand.cs

After each phase of TrainCommand.Execute the probe prints one line to stderr: the phase's wall seconds, the process's peak
memory and CPU seconds so far, and the JIT compiler's totals so far (System.Runtime.JitInfo: time and methods over all
threads, and on the main thread). The difference of the JIT columns between two lines is what that phase compiled.
Each probe goes before a statement the phase ends with; a statement that is not found stops the script.
"""
import sys

path = sys.argv[1]
source = open(path).read()

probe = ('System.Console.Error.WriteLine($"PROFILE {what,-26} {__clock.Elapsed.TotalSeconds,7:F3} s  peak '
         '{System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,5:F0} MB  cpu '
         '{System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,6:F2} s  jit all '
         '{System.Runtime.JitInfo.GetCompilationTime().TotalSeconds,6:F3} s {System.Runtime.JitInfo.GetCompiledMethodCount(),4} methods  '
         'jit main thread {System.Runtime.JitInfo.GetCompilationTime(true).TotalSeconds,6:F3} s '
         '{System.Runtime.JitInfo.GetCompiledMethodCount(true),4} methods"); __clock.Restart();')
anchors = [
    ("        s.CheckSize(0, 0, 0);\n", "after",
     "        var __clock = System.Diagnostics.Stopwatch.StartNew();\n"
     f"        void P(string what) {{ {probe} }}\n        P(\"start (process start to here)\");\n"),
    ("        RefuseUnusedDataOptions(s, loaded.Kind);\n", "before", '        P("load (and the warm-up)");\n'),
    ("        string[] yTrain = [.. train.Labels", "before", '        P("split and scale");\n'),
    ("        var model = CliModel.Fresh(", "before", '        P("fit (the epochs)");\n'),
    ("        var metrics = new Dictionary<string, double>", "before", '        P("score train and test");\n'),
]
for anchor, where, text in anchors:
    if source.count(anchor) != 1:
        sys.exit(f"train_profile.py: expected one '{anchor.strip()}' in {path}, found {source.count(anchor)}")
    source = source.replace(anchor, anchor + text if where == "after" else text + anchor)
open(path, "w").write(source)
