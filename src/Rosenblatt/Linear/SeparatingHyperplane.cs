namespace Rosenblatt.Linear;

/// <summary>A hyperplane <c>w·x + b = 0</c> with every positive sample on the side <c>w·x + b &gt; 0</c> and every negative one on the other.</summary>
/// <param name="Weights">The normal vector w, one value per feature.</param>
/// <param name="Bias">The offset b.</param>
/// <param name="Margin">The distance from the hyperplane to the nearest training point, <c>min_i y_i(w·x_i + b)/‖w‖</c>, in input units.</param>
public sealed record SeparatingHyperplane(IReadOnlyList<double> Weights, double Bias, double Margin);
