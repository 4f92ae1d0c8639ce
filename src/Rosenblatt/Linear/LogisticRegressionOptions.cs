using Rosenblatt.Diagnostics;

namespace Rosenblatt.Linear;

/// <summary>The hyperparameters of <see cref="LogisticRegression{TLabel}"/>.</summary>
/// <remarks>
/// <para>By default (<see cref="Solver"/> = <see cref="LogisticRegressionSolver.Auto"/> with full batches and the "sgd"
/// optimizer) training is full-batch L-BFGS in double precision on the mean cross-entropy plus (λ/2)·‖w‖², stopping when
/// the largest component of that objective's gradient is at most <see cref="GradientTolerance"/>: the loss is convex, so
/// this is the optimum to that tolerance, the same one scikit-learn's <c>LogisticRegression</c> finds (see
/// <see cref="L2"/> for the mapping of its C). <see cref="MaxEpochs"/> caps the L-BFGS iterations; <see cref="LearningRate"/>,
/// <see cref="Tolerance"/>, <see cref="Patience"/> and <see cref="Shuffle"/> are not used (the line search picks each step).</para>
/// <para>With a mini-batch <see cref="BatchSize"/>, another <see cref="Optimizer"/>, or
/// <see cref="LogisticRegressionSolver.GradientDescent"/> asked for, training is epochs of gradient descent by the shared
/// trainer, stopping when the loss has improved by less than <see cref="Tolerance"/> for <see cref="Patience"/> epochs in a
/// row (or at <see cref="MaxEpochs"/>), which at a fixed step can stop short of the optimum.</para>
/// </remarks>
public sealed record LogisticRegressionOptions
{
    /// <summary>How the weights are found: <see cref="LogisticRegressionSolver.Auto"/> (the default) picks L-BFGS for full-batch
    /// "sgd" training and gradient descent otherwise.</summary>
    public LogisticRegressionSolver Solver { get; init; } = LogisticRegressionSolver.Auto;

    /// <summary>L-BFGS stops when every component of the objective's gradient is at most this in absolute value (default 1e-8).</summary>
    /// <remarks>
    /// <para>The objective is the mean cross-entropy plus (λ/2)·‖w‖² (see <see cref="L2"/>). Near the optimum the distance
    /// to it is about the gradient divided by the objective's curvature, which the penalty bounds below by λ, so a weak
    /// penalty on unscaled features needs a small tolerance: on the raw digits (1,797 rows, λ = 1/1797) 1e-6 leaves the
    /// coefficients 2.9% from the optimum, 1e-7 0.60%, 1e-8 0.038% (4,675 iterations; bench/logistic-vs-sklearn.sh). Each iteration is one
    /// full pass, so 1e-8 is the default. Below about 1e-8 the float32 rounding of the stored weights is of the same size
    /// as the gradient left, so tighter tolerances buy nothing. 0 runs until <see cref="MaxEpochs"/> or until double
    /// precision allows no further decrease. Not used by gradient descent.</para>
    /// <para>scikit-learn's <c>tol</c> for its lbfgs solver is SciPy's <c>gtol</c>, the same largest-component test; scikit-learn
    /// 1.2 (Debian 12's) applies it to the summed objective <c>Σ cross-entropy + ‖w‖²/(2C)</c>, whose gradient is n times this
    /// one, so its tol corresponds to <c>GradientTolerance = tol / n</c>. (Its L-BFGS-B also stops when the loss falls by a
    /// relative 2.2e-9 or less per iteration, which on raw digits ends 2.4% from the optimum even with tol = 1e-10.)</para>
    /// </remarks>
    public double GradientTolerance { get; init; } = 1e-8;

    /// <summary>The gradient-descent step size (gradient descent only; L-BFGS chooses its steps by line search).</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>The most epochs (passes over the data); for L-BFGS, the most iterations.</summary>
    public int MaxEpochs { get; init; } = 5000;

    /// <summary>Samples per step, at least 1; the default, <see cref="Training.TrainerOptions.FullBatch"/>, is the whole data set (full-batch gradient descent).</summary>
    public int BatchSize { get; init; } = Training.TrainerOptions.FullBatch;

    /// <summary>The L2 penalty λ on the weights (not the bias); 0 for none. It keeps weights finite on separable data.</summary>
    /// <remarks>
    /// <para>Full-batch training minimizes the mean cross-entropy plus (λ/2)·‖w‖²: the optimizer adds λ·w to the mean
    /// gradient. scikit-learn's <c>LogisticRegression(C=…)</c> minimizes C·Σ cross-entropy + ½·‖w‖² (the sum over the n
    /// training rows, the intercept unpenalized). Dividing that by C·n gives the same problem, so
    /// <c>L2 = 1 / (C · n)</c> and <c>C = 1 / (L2 · n)</c>: scikit-learn's default C = 1 on the 1,437 digits training rows is
    /// L2 ≈ 6.96e-4. (scikit-learn 1.2.1's lbfgs code writes the same problem as Σ cross-entropy + ‖w‖²/(2C), C times smaller; the
    /// optimum is the same.) Mini-batches use the same λ per step, so the mapping holds for the full-batch objective they descend.</para>
    /// <para>scikit-learn's multinomial model (more than two classes) has one coefficient row per class, every row penalized,
    /// like this model's softmax units; for two classes both have one row. So with the same C mapped this way, the L-BFGS
    /// solver reaches scikit-learn's coefficients (bench/logistic-vs-sklearn.sh measures the relative difference on digits).</para>
    /// </remarks>
    public double L2 { get; init; }

    /// <summary>The loss improvement below which an epoch counts as "no progress".</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Epochs without progress before training stops as converged.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>The optimizer's name: sgd (default), momentum, nesterov or adam.</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>The seed for shuffling (mini-batches only).</summary>
    public int Seed { get; init; }

    /// <summary>Whether mini-batches visit the rows in a new seeded order every epoch (true, the default); false keeps the
    /// data's order. Full-batch training has one batch of every row either way.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Checks every option and throws an error naming the bad one, its value and the fix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        Guard.Positive(LearningRate, nameof(LearningRate), "typical values are 0.01 to 1 for gradient descent on scaled features.");
        Guard.InRange(LearningRate, 0, 10, nameof(LearningRate), "a learning rate above 10 diverges; typical values are 0.01 to 1.");
        Guard.Float32Step(LearningRate, nameof(LearningRate), "typical values are 0.01 to 1 for gradient descent on scaled features.");
        Guard.AtLeast(MaxEpochs, 1, nameof(MaxEpochs), "train for at least one epoch.");
        Guard.AtLeast(BatchSize, 1, nameof(BatchSize), "use a positive batch size such as 32, or TrainerOptions.FullBatch (the default) for full batch.");
        Guard.InRange(L2, 0, 0.999999, nameof(L2), "typical values are 1e-4 to 1e-2; 0 turns the penalty off.");
        Guard.InRange(Tolerance, 0, 1, nameof(Tolerance), "use a small value such as 1e-7.");
        Guard.AtLeast(Patience, 1, nameof(Patience), "wait at least one epoch.");
        Optimizers.OptimizerRegistry.Create(Optimizer, LearningRate, 0, L2);
        if (!Enum.IsDefined(Solver))
            throw Guard.Error(nameof(Solver), $"Solver {(int)Solver} is not a solver.", "use LogisticRegressionSolver.Auto, Lbfgs or GradientDescent.");
        Guard.InRange(GradientTolerance, 0, 1, nameof(GradientTolerance), "use a small value such as 1e-8 (the default), or 1e-6 to stop sooner.");
        if (Solver == LogisticRegressionSolver.Lbfgs && BatchSize != Training.TrainerOptions.FullBatch)
            throw Guard.Error(nameof(BatchSize), $"BatchSize {BatchSize} does not apply to Solver = Lbfgs, which always uses every row.",
                "drop BatchSize for L-BFGS, or set Solver = LogisticRegressionSolver.GradientDescent for mini-batches.");
        if (Solver == LogisticRegressionSolver.Lbfgs && !string.Equals(Optimizer, "sgd", StringComparison.OrdinalIgnoreCase))
            throw Guard.Error(nameof(Optimizer), $"Optimizer '{Optimizer}' does not apply to Solver = Lbfgs, which chooses its own steps.",
                "drop Optimizer for L-BFGS, or set Solver = LogisticRegressionSolver.GradientDescent to train with it.");
    }

    /// <summary>The solver <see cref="Solver"/> stands for: <see cref="LogisticRegressionSolver.Auto"/> resolved.</summary>
    internal LogisticRegressionSolver EffectiveSolver => Solver != LogisticRegressionSolver.Auto ? Solver
        : BatchSize == Training.TrainerOptions.FullBatch && string.Equals(Optimizer, "sgd", StringComparison.OrdinalIgnoreCase)
            ? LogisticRegressionSolver.Lbfgs : LogisticRegressionSolver.GradientDescent;
}
