using System.Globalization;
using System.Text;

namespace Rosenblatt.Neurons;

/// <summary>A printable record of one neuron prediction, term by term.</summary>
/// <remarks>Meant for learners: printing it shows the same arithmetic you would do on paper.</remarks>
/// <param name="Terms">Each input times its weight.</param>
/// <param name="Bias">The bias added to the sum.</param>
/// <param name="Sum">The weighted sum z = b + Σ xᵢ·wᵢ.</param>
/// <param name="ActivationName">The activation's name, e.g. <c>step</c>.</param>
/// <param name="Output">The activation applied to the sum.</param>
public sealed record NeuronTrace(IReadOnlyList<NeuronTerm> Terms, double Bias, double Sum, string ActivationName, double Output)
{
    /// <summary>Prints the trace, e.g. <c>1·1 + 0·1 + (-1.5) = -0.5 → step(-0.5) = 0</c>.</summary>
    public override string ToString()
    {
        static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        for (int i = 0; i < Terms.Count; i++)
        {
            if (i > 0) sb.Append(" + ");
            sb.Append(F(Terms[i].Input)).Append('·').Append(F(Terms[i].Weight));
        }
        sb.Append(" + (").Append(F(Bias)).Append(") = ").Append(F(Sum));
        sb.Append(" → ").Append(ActivationName).Append('(').Append(F(Sum)).Append(") = ").Append(F(Output));
        return sb.ToString();
    }
}
