using Rosenblatt.Diagnostics;

namespace Rosenblatt.MarkOne;

/// <summary>The Mark I Perceptron's build sheet: retina size, A-units and their wiring, R-units, seed and training.</summary>
/// <remarks>
/// <para>The defaults are the machine shown on 23 June 1960 where the record gives a number: a 20×20 retina of
/// photocells (S-units), 512 association units (A-units), 8 response units (R-units). Where it is silent — how
/// many retina points feed one A-unit, how many of those wires are inhibitory, and the A-unit threshold — the
/// defaults are our choice (<see cref="ExcitatoryConnections"/> = 5, <see cref="InhibitoryConnections"/> = 5,
/// <see cref="Threshold"/> = 2), picked by the sweep in <c>docs/mark-one.md</c>: ten wires per unit stays well
/// inside the one secondary account that each photocell fed at most 40 A-units (400 × 40 / 512 ≈ 31 wires per unit).</para>
/// <para>Options are an immutable record so a machine is described by one value that can be printed and saved;
/// <see cref="Validate"/> runs before any wiring is drawn.</para>
/// </remarks>
public sealed record MarkOneOptions
{
    /// <summary>The default retina width and height: 20 photocells.</summary>
    public const int DefaultRetinaSide = 20;

    /// <summary>Retina columns (S-units per row); 20 on the Mark I.</summary>
    public int RetinaWidth { get; init; } = DefaultRetinaSide;

    /// <summary>Retina rows; 20 on the Mark I.</summary>
    public int RetinaHeight { get; init; } = DefaultRetinaSide;

    /// <summary>How many association units (A-units) the plugboard wires; 512 on the Mark I.</summary>
    public int AssociationUnits { get; init; } = 512;

    /// <summary>Excitatory (+1) wires from distinct random retina points to each A-unit (not recorded; our default 5).</summary>
    public int ExcitatoryConnections { get; init; } = 5;

    /// <summary>Inhibitory (−1) wires from distinct random retina points to each A-unit (not recorded; our default 5).</summary>
    public int InhibitoryConnections { get; init; } = 5;

    /// <summary>θ: an A-unit fires when (lit excitatory points) − (lit inhibitory points) ≥ θ (not recorded; our default 2).</summary>
    /// <remarks>θ ≤ 0 makes a unit fire on a dark retina; it must lie in −<see cref="InhibitoryConnections"/> + 1 .. <see cref="ExcitatoryConnections"/>, or the unit would always or never fire.</remarks>
    public int Threshold { get; init; } = 2;

    /// <summary>How many response units (R-units) the machine has; 8 on the Mark I. With at most this many classes each class gets its own unit; with more, the classes are coded over all of them.</summary>
    public int ResponseUnits { get; init; } = 8;

    /// <summary>The seed: the plugboard is drawn from it, and the order the training images are shown in; the same seed gives the same machine and the same weights.</summary>
    public int Seed { get; init; }

    /// <summary>The most passes over the training images; training stops earlier after a pass without a single correction.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Whether to show the training images in a new seeded random order every pass (on), or in the order given.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>How the R-unit weights change on a wrong answer.</summary>
    public MarkOneLearningRule LearningRule { get; init; } = MarkOneLearningRule.ErrorCorrection;

    /// <summary>The retina's points, <see cref="RetinaWidth"/> × <see cref="RetinaHeight"/>: the machine's input width.</summary>
    public int RetinaPoints => RetinaWidth * RetinaHeight;

    /// <summary>Wires per A-unit, excitatory plus inhibitory.</summary>
    public int ConnectionsPerUnit => ExcitatoryConnections + InhibitoryConnections;

    /// <summary>Checks every option and throws an error naming the bad one, its value and the fix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The learning rule is not defined.</exception>
    public void Validate()
    {
        Guard.AtLeast(RetinaWidth, 1, nameof(RetinaWidth), "the Mark I's retina is 20 points wide.");
        Guard.AtLeast(RetinaHeight, 1, nameof(RetinaHeight), "the Mark I's retina is 20 points high.");
        Guard.AtMost(RetinaWidth, 1024, nameof(RetinaWidth), "use at most 1024 points per side.");
        Guard.AtMost(RetinaHeight, 1024, nameof(RetinaHeight), "use at most 1024 points per side.");
        Guard.AtLeast(AssociationUnits, 1, nameof(AssociationUnits), "the Mark I had 512 A-units; try 64 to 8192.");
        Guard.AtMost(AssociationUnits, 1 << 20, nameof(AssociationUnits), "more than about a million A-units will not fit in memory; try 64 to 8192.");
        Guard.AtLeast(ExcitatoryConnections, 0, nameof(ExcitatoryConnections), "use 0 or more excitatory wires per A-unit (default 5).");
        Guard.AtLeast(InhibitoryConnections, 0, nameof(InhibitoryConnections), "use 0 or more inhibitory wires per A-unit (default 5).");
        if (ConnectionsPerUnit < 1)
            throw new ArgumentOutOfRangeException(nameof(ExcitatoryConnections), ConnectionsPerUnit,
                $"an A-unit needs at least one wire (received {ExcitatoryConnections} excitatory + {InhibitoryConnections} inhibitory). help: the default is 5 + 5.");
        if (ConnectionsPerUnit > RetinaPoints)
            throw new ArgumentOutOfRangeException(nameof(ExcitatoryConnections), ConnectionsPerUnit,
                $"each A-unit is wired to distinct retina points, but {ConnectionsPerUnit} wires per unit is more than the {RetinaPoints} points of a {RetinaWidth}×{RetinaHeight} retina. help: use at most {RetinaPoints} wires, or a larger retina.");
        if (Threshold > ExcitatoryConnections || Threshold <= -InhibitoryConnections)
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold,
                $"Threshold must be between {1 - InhibitoryConnections} and {ExcitatoryConnections} for {ExcitatoryConnections} excitatory and {InhibitoryConnections} inhibitory wires (received {Threshold}). " +
                $"help: above {ExcitatoryConnections} a unit never fires, at {-InhibitoryConnections} or below it always fires; the default is 2.");
        Guard.AtLeast(ResponseUnits, 1, nameof(ResponseUnits), "the Mark I had 8 R-units.");
        Guard.AtMost(ResponseUnits, 64, nameof(ResponseUnits), "use at most 64 R-units (the Mark I had 8).");
        Guard.AtLeast(Epochs, 1, nameof(Epochs), "train for at least one pass over the images, e.g. 10.");
        Guard.AtMost(Epochs, 100_000, nameof(Epochs), "that many passes will not finish; if no pass is error-free after a few dozen, more rarely help.");
        if (!Enum.IsDefined(LearningRule))
            throw Guard.Error(nameof(LearningRule), $"LearningRule {(int)LearningRule} is not defined.", "use ErrorCorrection or Gamma.");
    }
}
