namespace Rosenblatt.Linear;

/// <summary>The perceptron convergence theorem's bound on the number of updates: <c>updates ≤ (R/γ)²</c>.</summary>
/// <remarks>
/// <para>Write each sample with its bias input, <c>x̃ = (x, 1)</c>, and the weights with the bias,
/// <c>v = (w, b)</c>, and labels y = ±1. If some unit vector u has <c>y·u·x̃ ≥ γ &gt; 0</c> for every sample
/// and <c>‖x̃‖ ≤ R</c>, then from zero weights the rule <c>v += lr·y·x̃</c> (on each mistake) makes at most
/// <c>(R/γ)²</c> updates, whatever the learning rate and the sample order (Novikoff, 1962): each update
/// raises <c>v·u</c> by at least <c>lr·γ</c> while <c>‖v‖²</c> grows by at most <c>lr²R²</c>. Both R
/// and γ are measured in the bias-augmented space, so γ is the margin of the best hyperplane of that space
/// (not the usual SVM margin, whose bias is free).</para>
/// <para>The best γ (the maximum margin) is approximated by dual coordinate ascent; any separating v gives
/// the certified lower bound <c>γ_v = min_i y_i v·x̃_i / ‖v‖ ≤ γ*</c>, so the bound reported, computed from
/// <see cref="Margin"/>, is valid (possibly looser than the theorem's best). Rounding is outward.</para>
/// <para>From nonzero initial weights v₀ the same argument gives <c>(R/γ)² + 2‖v₀‖/(lr·γ)</c>;
/// <see cref="InitialWeightNorm"/> and <see cref="LearningRate"/> record that case.</para>
/// </remarks>
public sealed record ConvergenceBound
{
    /// <summary>R: the largest norm of a sample with its bias input, <c>max_i ‖(x_i, 1)‖</c> (rounded up).</summary>
    public required double Radius { get; init; }

    /// <summary>γ: a certified lower bound on the maximum margin of the bias-augmented problem (rounded down).</summary>
    public required double Margin { get; init; }

    /// <summary>An upper estimate of the maximum margin from the dual (<c>‖v‖/Σα</c>); the true γ* lies between <see cref="Margin"/> and this.</summary>
    public required double MarginUpperEstimate { get; init; }

    /// <summary>‖(w₀, b₀)‖ of the initial weights; 0 for zero initialization.</summary>
    public double InitialWeightNorm { get; init; }

    /// <summary>The learning rate of the run the bound is for; only matters when <see cref="InitialWeightNorm"/> is not 0.</summary>
    public double LearningRate { get; init; } = 1;

    /// <summary>The bound itself: <c>(R/γ)² + 2‖v₀‖/(lr·γ)</c>, which is <c>(R/γ)²</c> from zero weights.</summary>
    public double Value => Radius * Radius / (Margin * Margin) * (1 + 1e-12) + 2 * InitialWeightNorm / (LearningRate * Margin);

    /// <summary>The largest whole number of updates the bound allows, <c>⌊Value⌋</c> (capped at <see cref="long.MaxValue"/>).</summary>
    public long MaxUpdates => Value >= long.MaxValue ? long.MaxValue : (long)Math.Floor(Value);

    /// <summary>The same bound for a run from initial weights of norm <paramref name="initialWeightNorm"/> at learning rate <paramref name="learningRate"/>.</summary>
    /// <param name="initialWeightNorm">‖(w₀, b₀)‖.</param>
    /// <param name="learningRate">The learning rate, &gt; 0.</param>
    public ConvergenceBound ForStart(double initialWeightNorm, double learningRate) =>
        this with { InitialWeightNorm = initialWeightNorm, LearningRate = learningRate };
}
