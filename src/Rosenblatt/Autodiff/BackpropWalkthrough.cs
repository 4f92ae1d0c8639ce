using System.Text;

namespace Rosenblatt.Autodiff;

/// <summary>Backpropagation explained line by line: every forward value, then every gradient with the chain-rule step that produced it.</summary>
/// <remarks>
/// <para>
/// <see cref="TwoNeurons"/> builds the two-neuron network of the tutorials (see <see cref="TwoNeuronNetwork"/>)
/// as a <see cref="Value"/> graph, runs it forward and backward, and records each step. <see cref="Trace"/>
/// does the same for any graph. Gradient steps run from the loss back to the inputs, so each one uses
/// only gradients already shown: <c>∂L/∂v = Σ over consumers c of ∂L/∂c · ∂c/∂v</c>.
/// </para>
/// <para>
/// Unlabelled constants are not listed (they appear as numbers inside formulas); unlabelled computed
/// values are listed as <c>v</c> plus their position. Label the values you want to talk about.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var walk = BackpropWalkthrough.TwoNeurons();
/// Console.WriteLine(walk);                 // forward values, then gradients
/// double dw1 = walk.Gradients["w1"];       // ∂L/∂w1
/// </code>
/// </example>
public sealed class BackpropWalkthrough
{
    private BackpropWalkthrough(Value root, string rootName, List<BackpropStep> forward, List<BackpropStep> backward,
        Dictionary<string, double> values, Dictionary<string, double> gradients)
    {
        Root = root;
        RootName = rootName;
        ForwardSteps = forward;
        BackwardSteps = backward;
        Steps = [.. forward, .. backward];
        Values = values;
        Gradients = gradients;
    }

    /// <summary>The output the gradients are taken of, usually the loss; pass it to <see cref="GraphText"/> or <see cref="GraphDot"/> to draw the graph.</summary>
    public Value Root { get; }

    /// <summary>The root's value: the loss for <see cref="TwoNeurons"/>.</summary>
    public double Loss => Root.Data;

    /// <summary>Every given and computed value, inputs before results.</summary>
    public IReadOnlyList<BackpropStep> ForwardSteps { get; }

    /// <summary>Every gradient, from ∂L/∂L = 1 back to the inputs, each with its chain-rule step.</summary>
    public IReadOnlyList<BackpropStep> BackwardSteps { get; }

    /// <summary>The forward steps followed by the backward steps.</summary>
    public IReadOnlyList<BackpropStep> Steps { get; }

    /// <summary>Each listed value by name (e.g. <c>h</c>, <c>z2</c>).</summary>
    public IReadOnlyDictionary<string, double> Values { get; }

    /// <summary>∂root/∂value for each listed value by name (e.g. <c>w1</c>, <c>b2</c>).</summary>
    public IReadOnlyDictionary<string, double> Gradients { get; }

    private string RootName { get; }

    /// <summary>Builds, runs and explains the two-neuron network with the given numbers.</summary>
    /// <param name="network">The input, target, weights and biases; <see cref="TwoNeuronNetwork.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is NaN or infinite.</exception>
    public static BackpropWalkthrough TwoNeurons(TwoNeuronNetwork? network = null)
    {
        TwoNeuronNetwork n = network ?? TwoNeuronNetwork.Default;
        var x = Leaf(n.X, "x", nameof(n.X));
        var w1 = Leaf(n.W1, "w1", nameof(n.W1));
        var b1 = Leaf(n.B1, "b1", nameof(n.B1));
        var w2 = Leaf(n.W2, "w2", nameof(n.W2));
        var b2 = Leaf(n.B2, "b2", nameof(n.B2));
        var t = Leaf(n.Target, "t", nameof(n.Target));

        var z1 = ((w1 * x).Named("w1·x") + b1).Named("z1");
        var h = z1.Sigmoid().Named("h");
        var z2 = ((w2 * h).Named("w2·h") + b2).Named("z2");
        var y = z2.Sigmoid().Named("y");
        var d = (y - t).Named("d");
        var loss = (0.5 * d.Pow(2).Named("d²")).Named("L");
        return Trace(loss);
    }

    /// <summary>Runs backpropagation from <paramref name="root"/> (after zeroing its graph's gradients) and explains every step.</summary>
    /// <param name="root">The output to differentiate, usually a loss.</param>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is null.</exception>
    /// <exception cref="ArgumentException">Two different values in the graph share a label.</exception>
    public static BackpropWalkthrough Trace(Value root)
    {
        if (root is null)
            throw new ArgumentNullException(nameof(root), "root is null. help: pass the Value to differentiate, usually the loss.");
        root.ZeroGrad();
        root.Backward();

        IReadOnlyList<Value> order = root.TopologicalOrder();
        var names = new GraphNames(order);
        List<Value> listed = [.. order.Where(v => !v.IsLeaf || v.Label is { Length: > 0 })];
        var values = new Dictionary<string, double>();
        var gradients = new Dictionary<string, double>();
        foreach (Value node in listed)
        {
            string name = names.Name(node);
            if (!values.TryAdd(name, node.Data))
                throw new ArgumentException(
                    $"two different values in root's graph are named '{name}'. help: give each value its own label, e.g. z1 and z2.", nameof(root));
            gradients[name] = node.Grad;
        }

        var consumers = new Dictionary<Value, List<(Value Consumer, int Input)>>(ReferenceEqualityComparer.Instance);
        for (int i = order.Count - 1; i >= 0; i--)
        {
            IReadOnlyList<Value> inputs = order[i].Inputs;
            for (int k = 0; k < inputs.Count; k++)
            {
                if (!consumers.TryGetValue(inputs[k], out var list))
                    consumers[inputs[k]] = list = [];
                list.Add((order[i], k));
            }
        }

        string rootName = names.Name(root);
        List<BackpropStep> forward = [.. listed.Select(v => new BackpropStep(names.Name(v), names.Formula(v), v.FormulaWithNumbers, v.Data))];
        List<BackpropStep> backward = [.. Enumerable.Reverse(listed).Select(v => GradientStep(v, root, rootName, names, consumers))];
        return new BackpropWalkthrough(root, rootName, forward, backward, values, gradients);
    }

    /// <summary>The walkthrough as text: the forward pass, then the backward pass, one step per line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Forward pass\n");
        foreach (BackpropStep step in ForwardSteps)
            text.Append("  ").Append(step).Append('\n');
        text.Append($"Backward pass: the chain rule from {RootName} back to every value\n");
        foreach (BackpropStep step in BackwardSteps)
            text.Append("  ").Append(step).Append('\n');
        return text.ToString();
    }

    private static BackpropStep GradientStep(Value node, Value root, string rootName, GraphNames names,
        Dictionary<Value, List<(Value Consumer, int Input)>> consumers)
    {
        string title = ValueFormat.Partial(rootName, names.Name(node));
        if (ReferenceEquals(node, root))
            return new BackpropStep(title, "", "", node.Grad);

        var chain = new List<string>();
        var local = new List<string>();
        var numbers = new List<string>();
        foreach ((Value consumer, int input) in consumers[node])
        {
            string upstream = ValueFormat.Partial(rootName, names.Name(consumer));
            chain.Add($"{upstream} · {ValueFormat.Partial(names.Name(consumer), names.Name(node))}");
            local.Add($"{upstream} · {LocalFactor(consumer.RenderLocalGradientFormula(input, names.Symbol))}");
            numbers.Add($"{ValueFormat.Operand(consumer.Grad)} × {ValueFormat.Operand(consumer.LocalGradients[input])}");
        }
        string formula = $"{string.Join(" + ", chain)} = {string.Join(" + ", local)}";
        return new BackpropStep(title, formula, string.Join(" + ", numbers), node.Grad);
    }

    /// <summary>Brackets a local-derivative formula that would otherwise bind wrongly after "·", such as <c>1 - y²</c>.</summary>
    private static string LocalFactor(string formula)
    {
        if (formula.StartsWith('-'))
            return $"({formula})";
        int depth = 0;
        for (int i = 0; i < formula.Length; i++)
        {
            char c = formula[i];
            if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (depth == 0 && c is '+' or '-' or '/' && i > 0 && formula[i - 1] == ' ')
                return $"({formula})";
        }
        return formula;
    }

    private static Value Leaf(double value, string label, string property)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException("network", value,
                $"network.{property} must be a finite number (received {ValueFormat.Number(value)}). help: use ordinary numbers such as the defaults x=1, t=0, w1=0.5, b1=0, w2=-0.5, b2=0.");
        return new Value(value, label);
    }
}
