using Rosenblatt.Diagnostics;

namespace Rosenblatt.Data;

/// <summary>A truth table as a data set: every combination of binary inputs and the gate's output.</summary>
/// <remarks>
/// Gates are the perceptron's first lesson: AND, OR, NAND and NOR can be split by one straight line;
/// XOR, XNOR and n-input parity cannot. Rows are in truth-table order — (0,0), (0,1), (1,0), (1,1) for
/// two inputs, the first input as the most significant bit — because the seeds train in that order and
/// online learning depends on it.
/// </remarks>
/// <example>
/// <code>
/// var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
/// p.Fit(LogicGate.And.X, LogicGate.And.Y);
/// </code>
/// </example>
public sealed class LogicGate
{
    /// <summary>The largest input count offered: 2^16 rows is already more than a truth table is for.</summary>
    public const int MaxInputs = 16;

    private LogicGate(string name, int inputs, Func<int[], bool> rule)
    {
        Name = name;
        InputCount = inputs;
        int rows = 1 << inputs;
        var x = new double[rows][];
        var y = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            var bits = new int[inputs];
            for (int i = 0; i < inputs; i++)
                bits[i] = (r >> (inputs - 1 - i)) & 1;
            x[r] = Array.ConvertAll(bits, b => (double)b);
            y[r] = rule(bits) ? 1 : 0;
        }
        X = x;
        Y = y;
    }

    /// <summary>The gate's name in lower case, as the CLI's <c>--gate</c> takes it (e.g. <c>and</c>, <c>parity3</c>).</summary>
    public string Name { get; }

    /// <summary>The number of binary inputs.</summary>
    public int InputCount { get; }

    /// <summary>The inputs, one row per combination, in truth-table order.</summary>
    public double[][] X { get; }

    /// <summary>The gate's output (0 or 1) for each row of <see cref="X"/>.</summary>
    public int[] Y { get; }

    /// <summary>Whether one straight line (hyperplane) separates the 1s from the 0s. Parity-like gates are not.</summary>
    public bool IsLinearlySeparable => Name is not ("xor" or "xnor") && !Name.StartsWith("parity", StringComparison.Ordinal);

    /// <summary>2-input AND: 1 only when both inputs are 1.</summary>
    public static LogicGate And { get; } = new("and", 2, b => b[0] == 1 && b[1] == 1);

    /// <summary>2-input OR: 1 when either input is 1.</summary>
    public static LogicGate Or { get; } = new("or", 2, b => b[0] == 1 || b[1] == 1);

    /// <summary>2-input NAND: NOT AND.</summary>
    public static LogicGate Nand { get; } = new("nand", 2, b => !(b[0] == 1 && b[1] == 1));

    /// <summary>2-input NOR: NOT OR.</summary>
    public static LogicGate Nor { get; } = new("nor", 2, b => !(b[0] == 1 || b[1] == 1));

    /// <summary>2-input XOR: 1 when the inputs differ. Not linearly separable.</summary>
    public static LogicGate Xor { get; } = new("xor", 2, b => b[0] != b[1]);

    /// <summary>2-input XNOR: 1 when the inputs agree. Not linearly separable.</summary>
    public static LogicGate Xnor { get; } = new("xnor", 2, b => b[0] == b[1]);

    /// <summary>n-input AND: 1 only when every input is 1.</summary>
    /// <param name="inputs">Number of inputs, 1 to <see cref="MaxInputs"/>.</param>
    public static LogicGate AndOf(int inputs) => new($"and{Check(inputs)}", inputs, b => b.All(v => v == 1));

    /// <summary>n-input OR: 1 when any input is 1.</summary>
    /// <param name="inputs">Number of inputs, 1 to <see cref="MaxInputs"/>.</param>
    public static LogicGate OrOf(int inputs) => new($"or{Check(inputs)}", inputs, b => b.Any(v => v == 1));

    /// <summary>n-input parity: 1 when an odd number of inputs are 1 (XOR generalised). Not separable for n ≥ 2.</summary>
    /// <param name="inputs">Number of inputs, 1 to <see cref="MaxInputs"/>.</param>
    public static LogicGate Parity(int inputs) => new($"parity{Check(inputs)}", inputs, b => (b.Sum() & 1) == 1);

    /// <summary>The six 2-input gates, in the order and, or, nand, nor, xor, xnor.</summary>
    public static IReadOnlyList<LogicGate> TwoInput { get; } = [And, Or, Nand, Nor, Xor, Xnor];

    /// <summary>Finds a gate by name: and, or, nand, nor, xor, xnor, or andN / orN / parityN for N inputs.</summary>
    /// <param name="name">The gate's name, case-insensitive.</param>
    /// <exception cref="ArgumentException">The name is not a known gate.</exception>
    public static LogicGate FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string n = name.Trim().ToLowerInvariant();
        foreach (var gate in TwoInput)
        {
            if (gate.Name == n) return gate;
        }
        foreach (var (prefix, make) in new (string, Func<int, LogicGate>)[] { ("parity", Parity), ("and", AndOf), ("or", OrOf) })
        {
            if (n.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(n.AsSpan(prefix.Length), out int k))
                return make(k);
        }
        throw Guard.Error(nameof(name), $"'{name}' is not a known gate.",
            "use and, or, nand, nor, xor, xnor, or andN, orN, parityN with N inputs (e.g. parity3).");
    }

    private static int Check(int inputs)
    {
        Guard.AtLeast(inputs, 1, nameof(inputs), "a gate needs at least one input.");
        Guard.AtMost(inputs, MaxInputs, nameof(inputs), $"truth tables grow as 2^n; use at most {MaxInputs} inputs.");
        return inputs;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
