using System.Globalization;
using System.Numerics;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.MarkOne;

/// <summary>The codewords that tie the Mark I's R-units to classes, and the decoding of a response back to a class.</summary>
/// <remarks>
/// <para><b>One R-unit per class</b> (K ≤ R): codeword k is +1 at unit k and −1 elsewhere; K units are used and the
/// class of the largest response wins. This is one-vs-rest: each unit is a perceptron for "my class or not".</para>
/// <para><b>Output code</b> (K &gt; R): 8 binary units can name 256 patterns, so 10 digits fit on 8 units if each digit
/// is a pattern. The patterns are chosen far apart: a greedy lexicographic code (a "lexicode") for the largest
/// minimum Hamming distance d that still yields K words, the first K taken (for K = 10, R = 8 this is part of the
/// extended Hamming code, d = 4). A response is decoded to the codeword it agrees with on the most units, so up to
/// ⌊(d − 1)/2⌋ wrong units are corrected. Ties between codewords at the same distance are broken by the
/// responses' strengths: the class score is <c>Σ_r c_kr·sign(ρ_r) + ½·Σ_r c_kr·ρ_r / (1 + Σ_r |ρ_r|)</c>, whose
/// second term is below ½ and so never overturns a difference in agreement (which moves in steps of 2).</para>
/// </remarks>
public sealed class ResponseCode
{
    private readonly sbyte[][] _codewords;
    private readonly ulong[] _masks; // codeword k's + units as bits, for Hamming distances by popcount

    private ResponseCode(ResponseCoding coding, sbyte[][] codewords, int unitsAvailable)
    {
        Coding = coding;
        _codewords = codewords;
        _masks = codewords.Length > 0 && codewords[0].Length <= 64 ? Array.ConvertAll(codewords, Mask) : [];
        UnitsAvailable = unitsAvailable;
        MinimumDistance = MinDistance(codewords);
    }

    /// <summary>Which scheme is used.</summary>
    public ResponseCoding Coding { get; }

    /// <summary>How many classes are coded.</summary>
    public int Classes => _codewords.Length;

    /// <summary>How many R-units are trained: K for one-per-class, all of them for an output code.</summary>
    public int Units => _codewords[0].Length;

    /// <summary>How many R-units the machine has (<see cref="MarkOneOptions.ResponseUnits"/>); those beyond <see cref="Units"/> stay idle.</summary>
    public int UnitsAvailable { get; }

    /// <summary>The smallest Hamming distance between two codewords (2 for one-per-class).</summary>
    public int MinimumDistance { get; }

    /// <summary>Class k's codeword: the sign (+1 or −1) each R-unit is trained to give for that class.</summary>
    /// <param name="classIndex">0 to <see cref="Classes"/> − 1.</param>
    public IReadOnlyList<int> Codeword(int classIndex) => Array.ConvertAll(_codewords[classIndex], s => (int)s);

    /// <summary>Chooses the coding for <paramref name="classes"/> classes on <paramref name="responseUnits"/> R-units.</summary>
    /// <param name="classes">K, at least 2.</param>
    /// <param name="responseUnits">R, the machine's R-units.</param>
    /// <exception cref="ArgumentException">Fewer than 2 classes, or more than 2^R classes (R units cannot name them all), or an output code on more than 20 units (the search is exhaustive).</exception>
    public static ResponseCode For(int classes, int responseUnits)
    {
        Guard.AtLeast(classes, 2, nameof(classes), "a classifier tells at least two classes apart.");
        Guard.AtLeast(responseUnits, 1, nameof(responseUnits), "the Mark I had 8 R-units.");
        if (classes <= responseUnits)
        {
            var words = new sbyte[classes][];
            for (int k = 0; k < classes; k++)
            {
                words[k] = new sbyte[classes];
                Array.Fill(words[k], (sbyte)-1);
                words[k][k] = 1;
            }
            return new ResponseCode(ResponseCoding.OnePerClass, words, responseUnits);
        }
        if (responseUnits > 20 || (responseUnits < 31 && classes > 1 << responseUnits))
            throw Guard.Error(nameof(responseUnits),
                responseUnits > 20
                    ? $"an output code on {responseUnits} R-units is not searched (at most 20)."
                    : $"{responseUnits} R-units give at most {1 << responseUnits} distinct sign patterns, fewer than the {classes} classes.",
                $"use at least {classes} R-units (one per class), or between {BitOperations.Log2((uint)classes - 1) + 1} and 20 for an output code.");
        for (int d = responseUnits; d >= 1; d--)
        {
            var chosen = Lexicode(responseUnits, d, classes);
            if (chosen.Count >= classes)
            {
                var words = chosen.Take(classes).Select(w =>
                {
                    var signs = new sbyte[responseUnits];
                    for (int r = 0; r < responseUnits; r++) signs[r] = (sbyte)(((w >> r) & 1) == 1 ? 1 : -1);
                    return signs;
                }).ToArray();
                return new ResponseCode(ResponseCoding.OutputCode, words, responseUnits);
            }
        }
        throw new InvalidOperationException("unreachable: distance 1 admits every pattern.");
    }

    /// <summary>Rebuilds a code from saved codewords (a model file's), checking them.</summary>
    /// <param name="coding">The scheme.</param>
    /// <param name="codewords">One codeword of +1/−1 per class.</param>
    /// <param name="unitsAvailable">The machine's R-units.</param>
    /// <exception cref="ArgumentException">Fewer than 2 codewords, ragged or non-±1 entries, or two equal codewords.</exception>
    public static ResponseCode Restore(ResponseCoding coding, IReadOnlyList<IReadOnlyList<int>> codewords, int unitsAvailable)
    {
        ArgumentNullException.ThrowIfNull(codewords);
        if (codewords.Count < 2 || codewords.Any(w => w is null || w.Count != codewords[0].Count || w.Count == 0 || w.Any(s => s is not (1 or -1))))
            throw Guard.Error(nameof(codewords), "codewords must be at least 2 lists of the same length holding only +1 and -1.", "save the model again.");
        var words = codewords.Select(w => w.Select(s => (sbyte)s).ToArray()).ToArray();
        if (MinDistance(words) == 0)
            throw Guard.Error(nameof(codewords), "two classes have the same codeword, so they cannot be told apart.", "save the model again.");
        if (unitsAvailable < words[0].Length)
            throw Guard.Error(nameof(unitsAvailable), $"the code uses {words[0].Length} R-units but the machine has {unitsAvailable}.", "save the model again.");
        return new ResponseCode(coding, words, unitsAvailable);
    }

    /// <summary>Each class's score for one R-layer response; the largest names the class (see remarks).</summary>
    /// <param name="response">One response per trained R-unit (<see cref="Units"/>).</param>
    /// <param name="scores">Receives one score per class.</param>
    public void Scores(ReadOnlySpan<float> response, Span<double> scores)
    {
        if (Coding == ResponseCoding.OnePerClass)
        {
            for (int k = 0; k < Classes; k++) scores[k] = response[k];
            return;
        }
        double strength = Strength(response);
        for (int k = 0; k < Classes; k++)
            scores[k] = Score(k, response, strength);
    }

    /// <summary>The class whose score is largest (the later class on an exact tie, as the library's perceptrons do).</summary>
    /// <param name="response">One response per trained R-unit.</param>
    /// <param name="scratch">At least <see cref="Classes"/> doubles.</param>
    /// <remarks>The same answer as the largest of <see cref="Scores"/>, found faster for an output code: Hamming distances by
    /// popcount first, and the scores computed only for the codewords tied at the smallest distance.</remarks>
    public int Decode(ReadOnlySpan<float> response, Span<double> scratch)
    {
        int best = 0;
        if (Coding == ResponseCoding.OnePerClass || _masks.Length == 0)
        {
            Scores(response, scratch);
            for (int k = 1; k < Classes; k++)
                if (scratch[k] >= scratch[best]) best = k;
            return best;
        }
        ulong signs = 0;
        for (int r = 0; r < response.Length; r++)
            if (response[r] >= 0) signs |= 1UL << r;
        int nearest = int.MaxValue, ties = 0;
        for (int k = 0; k < Classes; k++)
        {
            int d = BitOperations.PopCount(signs ^ _masks[k]);
            scratch[k] = d;
            if (d < nearest) { nearest = d; best = k; ties = 1; }
            else if (d == nearest) ties++;
        }
        if (ties == 1)
            return best;
        double strength = Strength(response), top = double.NegativeInfinity;
        for (int k = 0; k < Classes; k++)
        {
            if (scratch[k] != nearest) continue;
            double score = Score(k, response, strength);
            if (score >= top) { top = score; best = k; }
        }
        return best;
    }

    private double Score(int k, ReadOnlySpan<float> response, double strength)
    {
        var word = _codewords[k];
        double agree = 0, soft = 0;
        for (int r = 0; r < word.Length; r++)
        {
            agree += response[r] >= 0 ? word[r] : -word[r];
            soft += word[r] * (double)response[r];
        }
        return agree + 0.5 * soft / strength;
    }

    private static double Strength(ReadOnlySpan<float> response)
    {
        double strength = 1;
        foreach (float r in response) strength += Math.Abs(r);
        return strength;
    }

    private static ulong Mask(sbyte[] word)
    {
        ulong mask = 0;
        for (int r = 0; r < word.Length; r++)
            if (word[r] > 0) mask |= 1UL << r;
        return mask;
    }

    /// <summary>The target sign of R-unit <paramref name="unit"/> for class <paramref name="classIndex"/>.</summary>
    internal sbyte Target(int classIndex, int unit) => _codewords[classIndex][unit];

    /// <summary>A one-line description, e.g. <c>output code: 10 codewords on 8 R-units, minimum Hamming distance 4</c>.</summary>
    public string Describe() => Coding == ResponseCoding.OnePerClass
        ? string.Create(CultureInfo.InvariantCulture, $"one R-unit per class: {Classes} of {UnitsAvailable} R-units trained, the largest response wins")
        : string.Create(CultureInfo.InvariantCulture, $"output code: {Classes} codewords on {Units} R-units, minimum Hamming distance {MinimumDistance} (corrects {(MinimumDistance - 1) / 2} wrong unit{((MinimumDistance - 1) / 2 == 1 ? "" : "s")}), nearest codeword wins");

    /// <summary>Codeword k as text, + and − per unit, e.g. <c>−−−−++++</c>.</summary>
    /// <param name="classIndex">0 to <see cref="Classes"/> − 1.</param>
    public string CodewordText(int classIndex) => string.Concat(_codewords[classIndex].Select(s => s > 0 ? "+" : "−"));

    private static List<int> Lexicode(int length, int distance, int needed)
    {
        var chosen = new List<int>();
        for (int w = 0; w < 1 << length && chosen.Count < needed; w++)
        {
            bool far = true;
            foreach (int c in chosen)
            {
                if (BitOperations.PopCount((uint)(w ^ c)) < distance) { far = false; break; }
            }
            if (far) chosen.Add(w);
        }
        return chosen;
    }

    private static int MinDistance(sbyte[][] words)
    {
        int best = int.MaxValue;
        for (int i = 0; i < words.Length; i++)
            for (int j = i + 1; j < words.Length; j++)
            {
                int d = 0;
                for (int r = 0; r < words[i].Length; r++) if (words[i][r] != words[j][r]) d++;
                best = Math.Min(best, d);
            }
        return best == int.MaxValue ? 0 : best;
    }
}
