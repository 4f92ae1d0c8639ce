using BenchmarkDotNet.Attributes;
using Rosenblatt.Numerics;

namespace Rosenblatt.Benchmarks;

/// <summary>BenchmarkDotNet's careful version of the quick table; GFLOP/s = 2mnk / mean time.</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];

    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = GemmShape.All[0];

    [Params(1, 2)]
    public int Threads { get; set; }

    public static IEnumerable<GemmShape> Shapes => GemmShape.All;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(0);
        _a = Enumerable.Range(0, Shape.M * Shape.K).Select(_ => (float)rng.NextDouble()).ToArray();
        _b = Enumerable.Range(0, Shape.K * Shape.N).Select(_ => (float)rng.NextDouble()).ToArray();
        _c = new float[Shape.M * Shape.N];
        Parallelism.MaxThreads = Threads;
    }

    [Benchmark]
    public void Multiply() => Gemm.Multiply(_a, _b, _c, Shape.M, Shape.N, Shape.K, Shape.TransposeA, Shape.TransposeB);
}
