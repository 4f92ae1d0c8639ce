using BenchmarkDotNet.Running;
using Rosenblatt.Benchmarks;

// `gemm-quick [reps] [filter]`: Stopwatch table for iterating; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "gemm-quick")
{
    GemmQuick.Run(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly).Run(args);
