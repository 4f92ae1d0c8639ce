using BenchmarkDotNet.Running;
using Rosenblatt.Benchmarks;

// `gemm-quick [reps] [filter]`: Stopwatch table for iterating; `mnist-profile [data-dir] [threads]`: where an
// MNIST epoch's time goes; `full-data [data-dir]`: the full MNIST/Fashion-MNIST checks (bench/check-full-data.sh); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "gemm-quick")
{
    GemmQuick.Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "mnist-profile")
{
    MnistProfile.Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "full-data")
{
    Environment.ExitCode = FullDataChecks.Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "mark-one-epoch")
{
    MarkOneEpochBench.Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "mark-one-study")
{
    MarkOneStudy.Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "mark-one-plot")
{
    StudyPlots.FromJson(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "logistic-vs-sklearn")
{
    Environment.ExitCode = LogisticVsSklearn.Run(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly).Run(args);
