using System.Globalization;
using System.Text;
using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;
using Rosenblatt.Randomness;

namespace Rosenblatt.MarkOne;

/// <summary>The Mark I's plugboard: which retina points feed each A-unit, with which sign, and the A-units' threshold. Fixed; it never learns.</summary>
/// <remarks>
/// <para>On the machine the S→A wiring was a patch panel of cables plugged at random and left alone for an
/// experiment. Here it is data: unit a is wired to <see cref="Excitatory"/> distinct retina points with +1 and
/// <see cref="Inhibitory"/> further distinct points with −1, all drawn uniformly without replacement from the
/// seed's <see cref="SeededRandom"/> stream, so <see cref="Wire"/> with the same options replays the same board.</para>
/// <para>A-unit a fires on a retina x (1 = lit) when <c>Σ_(p ∈ E_a) x_p − Σ_(p ∈ I_a) x_p ≥ θ</c>. The board keeps
/// the wiring twice: unit-major (to print and save) and pixel-major (for the sparse sum in
/// <c>Numerics/PlugboardKernels</c>, which visits only lit points).</para>
/// </remarks>
/// <example>
/// <code>
/// var board = Plugboard.Wire(new MarkOneOptions { Seed = 1 });
/// Console.WriteLine(board.Print(units: 3));   // A1: +(3,17) +(12,4) ... −(9,9) ...
/// bool[] fires = board.Activity(retina);      // 512 flags for a 400-point retina
/// </code>
/// </example>
public sealed class Plugboard
{
    private readonly int[] _wiring;
    private readonly int[] _excitatoryStart, _excitatoryUnits, _inhibitoryStart, _inhibitoryUnits;

    private Plugboard(int width, int height, int units, int excitatory, int inhibitory, int threshold, int[] wiring)
    {
        RetinaWidth = width;
        RetinaHeight = height;
        Units = units;
        Excitatory = excitatory;
        Inhibitory = inhibitory;
        Threshold = threshold;
        _wiring = wiring;
        (_excitatoryStart, _excitatoryUnits) = FanOut(0, excitatory);
        (_inhibitoryStart, _inhibitoryUnits) = FanOut(excitatory, inhibitory);
    }

    /// <summary>Retina columns.</summary>
    public int RetinaWidth { get; }

    /// <summary>Retina rows.</summary>
    public int RetinaHeight { get; }

    /// <summary>Retina points, width × height; a retina image has this many bytes.</summary>
    public int RetinaPoints => RetinaWidth * RetinaHeight;

    /// <summary>The number of A-units.</summary>
    public int Units { get; }

    /// <summary>Excitatory (+1) wires per A-unit.</summary>
    public int Excitatory { get; }

    /// <summary>Inhibitory (−1) wires per A-unit.</summary>
    public int Inhibitory { get; }

    /// <summary>Wires per A-unit.</summary>
    public int ConnectionsPerUnit => Excitatory + Inhibitory;

    /// <summary>θ: a unit fires when its signed count of lit points is ≥ θ.</summary>
    public int Threshold { get; }

    /// <summary>Draws the plugboard the options describe, from their seed.</summary>
    /// <param name="options">Retina size, A-units, wires per unit, threshold and seed.</param>
    /// <returns>The board; the same options always give the same board.</returns>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="MarkOneOptions.Validate"/>).</exception>
    public static Plugboard Wire(MarkOneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int points = options.RetinaPoints, c = options.ConnectionsPerUnit;
        var random = new SeededRandom(options.Seed);
        var deck = new int[points];
        for (int p = 0; p < points; p++) deck[p] = p;
        var wiring = new int[options.AssociationUnits * c];
        for (int a = 0; a < options.AssociationUnits; a++)
        {
            // A partial Fisher–Yates deal: the first c cards are a uniform sample without replacement, in random order.
            for (int k = 0; k < c; k++)
            {
                int j = k + random.NextInt(points - k);
                (deck[k], deck[j]) = (deck[j], deck[k]);
                wiring[a * c + k] = deck[k];
            }
        }
        return new Plugboard(options.RetinaWidth, options.RetinaHeight, options.AssociationUnits,
            options.ExcitatoryConnections, options.InhibitoryConnections, options.Threshold, wiring);
    }

    /// <summary>Rebuilds a plugboard from its saved wiring (e.g. a model file's), checking every wire.</summary>
    /// <param name="retinaWidth">Retina columns.</param>
    /// <param name="retinaHeight">Retina rows.</param>
    /// <param name="excitatory">Excitatory wires per unit.</param>
    /// <param name="inhibitory">Inhibitory wires per unit.</param>
    /// <param name="threshold">θ.</param>
    /// <param name="wiring">Unit after unit, its excitatory points then its inhibitory points (as in <see cref="ToArray"/>); its length sets the unit count.</param>
    /// <exception cref="ArgumentException">A size is out of range, the wiring's length is not a whole number of units, a point is off the retina, or a unit uses a point twice.</exception>
    public static Plugboard Restore(int retinaWidth, int retinaHeight, int excitatory, int inhibitory, int threshold, IReadOnlyList<int> wiring)
    {
        ArgumentNullException.ThrowIfNull(wiring);
        int c = excitatory + inhibitory;
        if (c < 1 || wiring.Count == 0 || wiring.Count % c != 0)
            throw Guard.Error(nameof(wiring), $"wiring holds {wiring.Count} points, not a whole number of units of {c} wires.",
                "pass each unit's excitatory points then its inhibitory points, unit after unit.");
        new MarkOneOptions
        {
            RetinaWidth = retinaWidth, RetinaHeight = retinaHeight, AssociationUnits = wiring.Count / c,
            ExcitatoryConnections = excitatory, InhibitoryConnections = inhibitory, Threshold = threshold,
        }.Validate();
        int points = retinaWidth * retinaHeight;
        var copy = wiring.ToArray();
        var seen = new HashSet<int>();
        for (int a = 0; a < copy.Length / c; a++)
        {
            seen.Clear();
            for (int k = 0; k < c; k++)
            {
                int p = copy[a * c + k];
                if ((uint)p >= (uint)points)
                    throw Guard.Error(nameof(wiring), $"unit {a + 1}'s wire {k + 1} goes to point {p}, off the {retinaWidth}×{retinaHeight} retina (points 0..{points - 1}).",
                        "the wiring does not belong to this retina; save the model again.");
                if (!seen.Add(p))
                    throw Guard.Error(nameof(wiring), $"unit {a + 1} is wired to point {p} twice.", "each unit's wires go to distinct points; save the model again.");
            }
        }
        return new Plugboard(retinaWidth, retinaHeight, copy.Length / c, excitatory, inhibitory, threshold, copy);
    }

    /// <summary>The retina points (row-major index <c>row·width + column</c>) wired to unit <paramref name="unit"/> with +1.</summary>
    /// <param name="unit">0 to <see cref="Units"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such unit.</exception>
    public IReadOnlyList<int> ExcitatoryPoints(int unit) => UnitWires(unit).Slice(0, Excitatory).ToArray();

    /// <summary>The retina points wired to unit <paramref name="unit"/> with −1.</summary>
    /// <param name="unit">0 to <see cref="Units"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such unit.</exception>
    public IReadOnlyList<int> InhibitoryPoints(int unit) => UnitWires(unit).Slice(Excitatory, Inhibitory).ToArray();

    /// <summary>The whole wiring, unit after unit (excitatory points, then inhibitory): what a model file stores.</summary>
    public int[] ToArray() => (int[])_wiring.Clone();

    /// <summary>Whether <paramref name="other"/> has the same retina, threshold and every wire in the same place.</summary>
    /// <param name="other">Another board.</param>
    public bool SameWiring(Plugboard other) =>
        other is not null && other.RetinaWidth == RetinaWidth && other.RetinaHeight == RetinaHeight && other.Excitatory == Excitatory &&
        other.Inhibitory == Inhibitory && other.Threshold == Threshold && other._wiring.AsSpan().SequenceEqual(_wiring);

    /// <summary>Each A-unit's signed count of lit points, <c>Σ_E x − Σ_I x</c>, for one retina image.</summary>
    /// <param name="retina"><see cref="RetinaPoints"/> bytes, row-major; non-zero means lit.</param>
    /// <exception cref="ArgumentException">The image has the wrong number of points.</exception>
    public int[] Sums(ReadOnlySpan<byte> retina)
    {
        var sums = new int[Units];
        ActiveUnits(retina, sums, new int[Units]);
        return sums;
    }

    /// <summary>Which A-units fire for one retina image: the A-unit activity a lesson or picture shows.</summary>
    /// <param name="retina"><see cref="RetinaPoints"/> bytes, row-major; non-zero means lit.</param>
    /// <returns>One flag per A-unit.</returns>
    /// <exception cref="ArgumentException">The image has the wrong number of points.</exception>
    public bool[] Activity(ReadOnlySpan<byte> retina)
    {
        var active = new int[Units];
        int n = ActiveUnits(retina, new int[Units], active);
        var fires = new bool[Units];
        foreach (int a in active.AsSpan(0, n)) fires[a] = true;
        return fires;
    }

    /// <summary>The board as text, one line per unit: <c>A1 (θ=1): +(r,c) … −(r,c) …</c>, points as (row, column) from 0.</summary>
    /// <param name="units">How many units to print (the first ones); all when larger than <see cref="Units"/>.</param>
    public string Print(int units = 16)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Plugboard: {RetinaWidth}×{RetinaHeight} retina → {Units} A-units, {Excitatory} excitatory + {Inhibitory} inhibitory wires each, threshold θ = {Threshold}");
        text.AppendLine();
        for (int a = 0; a < Math.Min(units, Units); a++)
        {
            var wires = UnitWires(a);
            text.Append(CultureInfo.InvariantCulture, $"A{a + 1}:");
            for (int k = 0; k < wires.Length; k++)
                text.Append(CultureInfo.InvariantCulture, $" {(k < Excitatory ? '+' : '−')}({wires[k] / RetinaWidth},{wires[k] % RetinaWidth})");
            text.AppendLine();
        }
        if (units < Units)
            text.Append(CultureInfo.InvariantCulture, $"... {Units - units} more units").AppendLine();
        return text.ToString();
    }

    /// <summary>Writes the active units of <paramref name="retina"/> into <paramref name="active"/> (increasing) and returns their count.</summary>
    internal int ActiveUnits(ReadOnlySpan<byte> retina, Span<int> sums, Span<int> active)
    {
        if (retina.Length != RetinaPoints)
            throw Guard.Error(nameof(retina), $"the image has {retina.Length} points but the retina has {RetinaWidth}×{RetinaHeight} = {RetinaPoints}.",
                $"pass images of {RetinaWidth}×{RetinaHeight} points, row-major.");
        return PlugboardKernels.Activate(retina, _excitatoryStart, _excitatoryUnits, _inhibitoryStart, _inhibitoryUnits, Threshold, sums, active);
    }

    private ReadOnlySpan<int> UnitWires(int unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, Units);
        return _wiring.AsSpan(unit * ConnectionsPerUnit, ConnectionsPerUnit);
    }

    /// <summary>Pixel-major lists of the units wired by wires first..first+count−1 of each unit (a counting sort by pixel).</summary>
    private (int[] Start, int[] Units) FanOut(int first, int count)
    {
        int c = ConnectionsPerUnit;
        var start = new int[RetinaPoints + 1];
        for (int a = 0; a < Units; a++)
            for (int k = first; k < first + count; k++)
                start[_wiring[a * c + k] + 1]++;
        for (int p = 0; p < RetinaPoints; p++) start[p + 1] += start[p];
        var next = start[..^1];
        var units = new int[Units * count];
        for (int a = 0; a < Units; a++)
            for (int k = first; k < first + count; k++)
                units[next[_wiring[a * c + k]]++] = a;
        return (start, units);
    }
}
